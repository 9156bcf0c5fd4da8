using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.FileTrees;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Tests.Containerd;

/// <summary>Cross-checks the archives and the expected tree against a real containerd.</summary>
public sealed class ContainerdImportTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _temp = new("import");
    private readonly OciLayout _layout;
    private ContainerdFixture _containerd = null!;

    public ContainerdImportTests() => _layout = OciLayout.Create(_temp.Combine("layout"));

    public async Task InitializeAsync() => _containerd = await ContainerdFixture.StartAsync();

    public async Task DisposeAsync() => await _containerd.DisposeAsync();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Oci_archive_imports_with_every_blob_in_the_content_store()
    {
        var image = SampleImage.Build(_layout, name: "docker.io/unpackbench/sample:oci");
        OciArchive.Write(image, _temp.Combine("image.tar"));

        await _containerd.CtrAsync("images", "import", "--no-unpack", _temp.Combine("image.tar"));

        Assert.Contains("docker.io/unpackbench/sample:oci", await _containerd.CtrAsync("images", "ls", "-q"));
        var content = await _containerd.CtrAsync("content", "ls", "-q");
        Assert.All(OciArchive.AllBlobs(image), blob => Assert.Contains(blob.Digest, content));
    }

    [Fact]
    public async Task Docker_archive_imports_with_the_config_and_uncompressed_layers_in_the_content_store()
    {
        var image = SampleImage.Build(_layout, ImageFormat.Docker, "docker.io/unpackbench/sample:docker");
        DockerArchive.Write(image, _temp.Combine("docker.tar"));

        await _containerd.CtrAsync("images", "import", "--no-unpack", _temp.Combine("docker.tar"));

        Assert.Contains("docker.io/unpackbench/sample:docker", await _containerd.CtrAsync("images", "ls", "-q"));
        var content = await _containerd.CtrAsync("content", "ls", "-q");
        Assert.Contains(image.ConfigDigest, content);
        Assert.All(image.DiffIds, diffId => Assert.Contains(diffId, content));
    }

    [Theory]
    [InlineData("oci archive of an oci image")]
    [InlineData("oci archive of a docker image")]
    [InlineData("docker save archive")]
    public async Task Rootfs_that_containerd_unpacks_equals_the_expected_tree(string archiveKind)
    {
        var format = archiveKind == "oci archive of an oci image" ? ImageFormat.Oci : ImageFormat.Docker;
        var image = SampleImage.Build(_layout, format, "docker.io/unpackbench/sample:unpack");
        var archive = _temp.Combine("image.tar");
        if (archiveKind == "docker save archive")
        {
            DockerArchive.Write(image, archive);
        }
        else
        {
            OciArchive.Write(image, archive);
        }

        await _containerd.CtrAsync("images", "import", archive);

        Assert.Contains(image.ChainIds[^1], await _containerd.CtrAsync("snapshots", "ls"));
        await using var rootfs = await _containerd.MountImageAsync("docker.io/unpackbench/sample:unpack");
        FileTreeAssert.Equal(image.ExpectedTree, FileTreeReader.Read(rootfs.Path));
    }

    [Theory]
    [InlineData("truncated oci archive", "unexpected EOF")]
    [InlineData("truncated docker archive", "unexpected EOF")]
    [InlineData("tar that is not an image", "unrecognized image format")]
    [InlineData("empty file", "unrecognized image format")]
    [InlineData("text file", "invalid tar header")]
    public async Task Containerd_refuses_each_broken_archive(string brokenKind, string expectedError)
    {
        var image = SampleImage.Build(_layout, ImageFormat.Docker, "docker.io/unpackbench/sample:broken");
        var broken = _temp.Combine("broken.tar");
        switch (brokenKind)
        {
            case "truncated oci archive":
                OciArchive.Write(image, _temp.Combine("full.tar"));
                BrokenArchives.Truncated(_temp.Combine("full.tar"), new FileInfo(_temp.Combine("full.tar")).Length / 2, broken);
                break;
            case "truncated docker archive":
                DockerArchive.Write(image, _temp.Combine("full.tar"));
                BrokenArchives.Truncated(_temp.Combine("full.tar"), new FileInfo(_temp.Combine("full.tar")).Length / 2, broken);
                break;
            case "tar that is not an image":
                BrokenArchives.NotAnImage(broken);
                break;
            case "empty file":
                BrokenArchives.Empty(broken);
                break;
            default:
                BrokenArchives.NotATar(broken);
                break;
        }

        var result = await _containerd.TryCtrAsync("images", "import", broken);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(expectedError, result.StandardError, StringComparison.Ordinal);
        Assert.Empty((await _containerd.CtrAsync("images", "ls", "-q")).Trim());
    }
}
