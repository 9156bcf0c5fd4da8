using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Unpack;

/// <summary>sync(2): write every dirty page to disk before the next timed window opens.</summary>
internal static partial class FileSystemSync
{
    /// <summary>Flushes all filesystems; returns when the kernel has written them.</summary>
    public static void FlushAll() => Sync();

    [LibraryImport("libc", EntryPoint = "sync")]
    private static partial void Sync();
}
