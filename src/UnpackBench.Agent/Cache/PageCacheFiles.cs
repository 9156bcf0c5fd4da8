using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace UnpackBench.Agent.Cache;

/// <summary>
/// One file's pages in the page cache: how many are resident (mincore(2) over a read-only mapping,
/// which maps without faulting a page in) and dropping them (posix_fadvise(2) DONTNEED, which drops
/// the file's clean pages; the content store's blobs are committed, so theirs are clean).
/// </summary>
internal static partial class PageCacheFiles
{
    private const int PosixFadvDontNeed = 4;
    private const int ProtRead = 1;
    private const int MapShared = 1;
    private static readonly nint MapFailed = -1;

    /// <summary>Drops the cached pages of <paramref name="path"/>; throws <see cref="IOException"/> when the kernel refuses.</summary>
    public static void Evict(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var error = Fadvise(handle, 0, 0, PosixFadvDontNeed);
        if (error != 0)
        {
            throw new IOException($"posix_fadvise(DONTNEED) on {path} failed: {Marshal.GetPInvokeErrorMessage(error)}");
        }
    }

    /// <summary>Bytes of <paramref name="path"/> resident in the page cache (whole pages; the last one counts as the file's remainder).</summary>
    public static long ResidentBytes(string path)
    {
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        var length = RandomAccess.GetLength(handle);
        if (length == 0)
        {
            return 0;
        }

        var address = Mmap(0, (nuint)length, ProtRead, MapShared, handle, 0);
        if (address == MapFailed)
        {
            throw new IOException($"mmap of {path} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }

        try
        {
            var pageSize = Environment.SystemPageSize;
            var pages = (length + pageSize - 1) / pageSize;
            var vector = new byte[pages];
            if (Mincore(address, (nuint)length, vector) != 0)
            {
                throw new IOException($"mincore on {path} failed: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
            }

            long resident = 0;
            for (var i = 0L; i < pages; i++)
            {
                if ((vector[i] & 1) != 0)
                {
                    resident += i == pages - 1 ? length - (i * pageSize) : pageSize;
                }
            }

            return resident;
        }
        finally
        {
            _ = Munmap(address, (nuint)length);
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int Fadvise(SafeFileHandle fd, long offset, long length, int advice);

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial nint Mmap(nint address, nuint length, int protection, int flags, SafeFileHandle fd, long offset);

    [LibraryImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static partial int Mincore(nint address, nuint length, [Out] byte[] vector);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static partial int Munmap(nint address, nuint length);
}
