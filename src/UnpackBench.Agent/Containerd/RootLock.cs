namespace UnpackBench.Agent.Containerd;

/// <summary>
/// An exclusive lock on a containerd root for the agent's lifetime (flock, which .NET takes for
/// FileShare.None). It also works between pods on one node sharing a hostPath or a volume, where
/// process ids say nothing; the kernel releases it when the agent dies, however it dies.
/// </summary>
internal sealed class RootLock : IDisposable
{
    private readonly FileStream _file;

    private RootLock(FileStream file) => _file = file;

    /// <summary>Takes the lock or says who should wait.</summary>
    /// <exception cref="ContainerdException">Another agent holds it.</exception>
    public static RootLock Acquire(PrivateContainerdLayout layout)
    {
        try
        {
            return new RootLock(new FileStream(layout.LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException e)
        {
            throw new ContainerdException(
                $"another unpackbench agent is using the containerd root {layout.BaseDirectory} (a shared cache serves one benchmark at a time); wait for it to finish or use a different --root",
                e);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
