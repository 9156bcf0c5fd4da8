using UnpackBench.Agent.Cache;

namespace UnpackBench.Agent.Tests.Cache;

public sealed class OwnCodePagesTests
{
    [Fact]
    public void Only_files_are_taken_from_the_maps_once_each_not_anonymous_special_or_deleted_mappings()
    {
        string[] maps =
        [
            "55d0c0a00000-55d0c0a01000 r--p 00000000 fe:00 1048 /usr/share/dotnet/dotnet",
            "7f1c2a000000-7f1c2a400000 r-xp 00010000 fe:00 2091 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libcoreclr.so",
            "7f1c2a400000-7f1c2a500000 r--p 00410000 fe:00 2091 /usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libcoreclr.so",
            "7f1c2b000000-7f1c2b100000 rw-p 00000000 00:00 0 ",
            "7f1c2c000000-7f1c2c021000 rw-p 00000000 00:00 0                          [heap]",
            "7f1c2d000000-7f1c2d001000 rw-s 00000000 00:05 77 /dev/zero (deleted)",
            "7f1c2e000000-7f1c2e001000 r--p 00000000 fe:00 3001 /opt/old build/old.dll (deleted)",
            "7f1c2f000000-7f1c2f001000 r--s 00000000 00:06 12 /dev/shm/x",
            "7f1c30000000-7f1c30001000 r--p 00000000 fe:00 3002 /opt/unpackbench/agent/unpackbench-agent.dll",
            "7ffd1a000000-7ffd1a021000 rw-p 00000000 00:00 0                          [stack]",
        ];

        Assert.Equal(
            ["/usr/share/dotnet/dotnet", "/usr/share/dotnet/shared/Microsoft.NETCore.App/10.0.0/libcoreclr.so", "/opt/unpackbench/agent/unpackbench-agent.dll"],
            OwnCodePages.MappedFiles(maps));
    }

    [Fact]
    public void Reloading_reads_the_runtime_this_process_really_maps()
    {
        var mapped = OwnCodePages.MappedFiles(File.ReadLines("/proc/self/maps"));
        var runtime = Assert.Single(mapped, path => Path.GetFileName(path) == "libcoreclr.so");

        var read = OwnCodePages.Reload();

        Assert.True(read >= new FileInfo(runtime).Length, $"read {read} bytes; libcoreclr.so alone is {new FileInfo(runtime).Length}");
    }
}
