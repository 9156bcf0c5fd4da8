using System.ComponentModel;
using System.Runtime.InteropServices;

namespace UnpackBench.Testing.Native;

/// <summary>
/// The few libc calls .NET does not expose: <c>statx</c> (inode numbers, arch-independent layout),
/// <c>kill</c> (SIGTERM) and <c>umount2</c>.
/// </summary>
internal static class LibC
{
    public const int SigTerm = 15;

    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int MntDetach = 2;
    private const int ExecuteOk = 1;

    /// <summary>
    /// <c>lstat</c>-like metadata of <paramref name="path"/> (symlinks are not followed).
    /// <c>struct statx</c> has the same layout on every architecture, unlike <c>struct stat</c>.
    /// </summary>
    public static StatxBuffer LStat(string path)
    {
        if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxBasicStats, out var buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"statx {path}: {new Win32Exception(errno).Message} (errno {errno})");
        }

        return buffer;
    }

    /// <summary>True when this process may execute <paramref name="path"/> (<c>access(X_OK)</c>).</summary>
    public static bool IsExecutable(string path) => Access(path, ExecuteOk) == 0;

    /// <summary>Sends SIGTERM to <paramref name="pid"/>; false if the process is already gone.</summary>
    public static bool Terminate(int pid) => Kill(pid, SigTerm) == 0;

    /// <summary>Lazily unmounts <paramref name="target"/> (MNT_DETACH); throws with errno text on failure.</summary>
    public static void UnmountDetached(string target)
    {
        if (Umount2(target, MntDetach) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"umount {target}: {new Win32Exception(errno).Message} (errno {errno})");
        }
    }

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Statx(int dirFd, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, out StatxBuffer buffer);

    [DllImport("libc", EntryPoint = "access", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Access([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int mode);

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Kill(int pid, int signal);

    [DllImport("libc", EntryPoint = "umount2", SetLastError = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Umount2([MarshalAs(UnmanagedType.LPUTF8Str)] string target, int flags);
}
