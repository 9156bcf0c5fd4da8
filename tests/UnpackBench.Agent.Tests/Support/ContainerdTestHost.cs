using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>
/// A private containerd (the product's own <see cref="PrivateContainerd"/>) on a temp root, plus
/// a way to acquire test images into it. One per test class; everything is removed on dispose.
/// </summary>
public sealed class ContainerdTestHost : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("containerd");
    private PrivateContainerd? _containerd;

    internal PrivateContainerd Containerd => _containerd ?? throw new InvalidOperationException("not started");

    internal ContainerdConnection Connection => Containerd.Connection;

    /// <summary>The snapshots directory of a snapshotter under this containerd's root.</summary>
    public string SnapshotsDirectory(string snapshotter) =>
        System.IO.Path.Combine(Containerd.RootDirectory, $"io.containerd.snapshotter.v1.{snapshotter}", "snapshots");

    public string Path(string relative) => _directory.Combine(relative);

    public async Task InitializeAsync()
    {
        Prerequisites.RequireRoot("containerd mounts snapshots");
        _containerd = await PrivateContainerd.StartAsync(ContainerdBinaries.Require(), new PrivateContainerdLayout(_directory.Combine("root")), new Dictionary<string, string?>(), null, CancellationToken.None);
    }

    /// <summary>Writes <paramref name="image"/> as an OCI archive and acquires it with the product's acquirer.</summary>
    internal async Task<AcquiredImage> AcquireAsync(IBuiltImage image, string name)
    {
        var archive = _directory.Combine($"{name}.tar");
        OciArchive.Write(image, archive);
        await using var source = new ArchiveImageSource(archive, CorePlatform.Parse("linux/amd64"), _directory.CreateSubdirectory($"scratch-{name}"));
        return await new ImageAcquirer(Connection, TimeProvider.System).AcquireAsync(source, CorePlatform.Parse("linux/amd64"), false, null, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_containerd is not null)
        {
            await _containerd.DisposeAsync();
        }

        _directory.Dispose();
    }
}
