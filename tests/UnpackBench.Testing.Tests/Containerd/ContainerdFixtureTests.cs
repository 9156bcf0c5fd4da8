using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Containerd;

public sealed class ContainerdFixtureTests
{
    [Fact]
    public async Task Disposed_containerd_leaves_no_mount_socket_or_directory_behind()
    {
        using var temp = new TempDirectory("fixture-test");
        var layout = OciLayout.Create(temp.Combine("layout"));
        var image = SampleImage.Build(layout, name: "docker.io/unpackbench/sample:left-mounted");
        OciArchive.Write(image, temp.Combine("image.tar"));
        var containerd = await ContainerdFixture.StartAsync();
        await containerd.CtrAsync("images", "import", temp.Combine("image.tar"));
        var rootfs = await containerd.MountImageAsync("docker.io/unpackbench/sample:left-mounted");
        Assert.Contains(rootfs.Path, MountTable.MountPointsBelow(containerd.TempPath));

        await containerd.DisposeAsync();

        Assert.Empty(MountTable.MountPointsBelow(containerd.TempPath));
        Assert.False(Directory.Exists(containerd.TempPath));
    }

    [Fact]
    public async Task Ctr_failure_message_names_the_command_and_its_error()
    {
        await using var containerd = await ContainerdFixture.StartAsync();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => containerd.CtrAsync("images", "mount", "docker.io/library/absent:v1", containerd.CreateScratchDirectory("m")));

        Assert.Contains("`ctr images mount docker.io/library/absent:v1", error.Message, StringComparison.Ordinal);
        Assert.Contains("not found", error.Message, StringComparison.Ordinal);
    }
}
