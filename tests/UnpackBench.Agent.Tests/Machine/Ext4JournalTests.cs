using UnpackBench.Agent.Machine;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using Commands = UnpackBench.Testing.Processes.CommandLine;

namespace UnpackBench.Agent.Tests.Machine;

/// <summary>The journal probe against real ext4 filesystems, made with mkfs.ext4 and loop-mounted: one with a journal, one without.</summary>
public sealed class Ext4JournalTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("ext4-journal");
    private readonly List<string> _mounted = [];

    [Theory]
    [InlineData(true, "ext4")]
    [InlineData(false, RootFilesystems.Ext4WithoutJournal)]
    public async Task The_journal_of_a_mounted_ext4_is_read_from_sysfs_and_named_in_the_root_filesystem(bool journal, string described)
    {
        var mountPoint = await MountExt4Async(journal);

        var mount = MountTable.ReadCurrent().MountOf(Path.Combine(mountPoint, "containerd"));

        Assert.Equal(mountPoint, mount.MountPoint);
        Assert.Equal("ext4", mount.FileSystem);
        Assert.Equal(journal, Ext4Journal.Has(mount.Device));
        Assert.Equal(described, RootFilesystem.Describe(mount, device => Ext4Journal.Has(device)));
    }

    [Fact]
    public void A_device_sysfs_does_not_know_has_no_answer()
    {
        Assert.Null(Ext4Journal.Has("4095:1048575"));
        Assert.Null(Ext4Journal.Has("8:1", _directory.Path));
    }

    [Fact]
    public void Only_an_ext4_without_a_journal_is_named_differently()
    {
        Assert.Equal("xfs", RootFilesystem.Describe(new Mount("/var/lib", "xfs", "8:1"), _ => false));
        Assert.Equal("ext4", RootFilesystem.Describe(new Mount("/var/lib", "ext4", "8:1"), _ => null));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var mountPoint in _mounted)
        {
            await Commands.TryRunAsync("umount", [mountPoint]);
        }

        _directory.Dispose();
    }

    private async Task<string> MountExt4Async(bool journal)
    {
        Prerequisites.RequireRoot("mounting a loop device");
        var mkfs = Prerequisites.RequireExecutable("mkfs.ext4", "apt-get install -y e2fsprogs");
        var mount = Prerequisites.RequireExecutable("mount", "apt-get install -y mount");
        var image = _directory.Combine($"ext4-{journal}.img");
        await using (var file = File.Create(image))
        {
            file.SetLength(64L << 20);
        }

        await Commands.RunAsync(mkfs, ["-q", "-F", .. journal ? Array.Empty<string>() : ["-O", "^has_journal"], image]);
        var mountPoint = Directory.CreateDirectory(_directory.Combine($"mnt-{journal}")).FullName;
        await Commands.RunAsync(mount, ["-o", "loop", image, mountPoint]);
        _mounted.Add(mountPoint);
        return mountPoint;
    }
}
