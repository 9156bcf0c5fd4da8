namespace UnpackBench.Testing.Containerd;

/// <summary>An image rootfs mounted with <c>ctr images mount</c>; disposing unmounts it and removes its snapshot.</summary>
public sealed class MountedImage : IAsyncDisposable
{
    private readonly ContainerdFixture _containerd;
    private bool _disposed;

    internal MountedImage(ContainerdFixture containerd, string path)
    {
        _containerd = containerd;
        Path = path;
    }

    /// <summary>Where the rootfs is mounted.</summary>
    public string Path { get; }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _containerd.CtrAsync("images", "unmount", "--rm", Path);
    }
}
