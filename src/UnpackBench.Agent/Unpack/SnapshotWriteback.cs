using System.Diagnostics;
using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// For <c>--durable</c>: syncfs(2) on the snapshotter's filesystem right after a timed unpack, timed on
/// its own. The unpack's window ends when containerd has written the files into the page cache; this is
/// the time until they are on disk, which a slow disk pays and the window alone hides.
/// </summary>
/// <param name="directory">A directory on the snapshot filesystem (the snapshotter's root).</param>
internal sealed partial class SnapshotWriteback(string directory)
{
    private const int OpenReadOnlyDirectory = 0x10000; // O_RDONLY | O_DIRECTORY

    /// <summary>Null when <paramref name="directory"/> can be synced, otherwise why not.</summary>
    public static string? Problem(string? directory) =>
        directory is not null && Directory.Exists(directory)
            ? null
            : $"--durable needs the snapshotter's directory ({directory ?? "not reported by containerd"}) visible to the agent, to sync its filesystem; mount containerd's root into the agent at the same path";

    /// <summary>Syncs the filesystem; returns how long it took, seconds.</summary>
    public double SyncSeconds()
    {
        var fd = Open(directory, OpenReadOnlyDirectory);
        if (fd < 0)
        {
            throw new IOException($"opening {directory} to sync its filesystem: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            var clock = Stopwatch.StartNew();
            if (SyncFs(fd) != 0)
            {
                throw new IOException($"syncfs on {directory}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }

            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "syncfs", SetLastError = true)]
    private static partial int SyncFs(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
