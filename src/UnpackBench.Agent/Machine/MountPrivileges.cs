using System.Globalization;
using System.Runtime.InteropServices;

namespace UnpackBench.Agent.Machine;

/// <summary>
/// Whether the agent's process may do what containerd's snapshotters do for every layer: mount
/// filesystems. Root alone is not enough: a container that is not privileged runs root without
/// CAP_SYS_ADMIN, and a security profile (AppArmor, seccomp) can refuse mount(2) even with it.
/// </summary>
/// <param name="IsRoot">The effective user is root.</param>
/// <param name="HasSysAdmin">CAP_SYS_ADMIN is in the effective set; null when /proc/self/status does not say.</param>
/// <param name="MountError">Why a trial tmpfs mount failed; null when it worked or was not tried.</param>
internal sealed partial record MountPrivileges(bool IsRoot, bool? HasSysAdmin, string? MountError)
{
    /// <summary>The capability's bit number in the kernel's capability sets.</summary>
    public const int CapSysAdmin = 21;

    private const ulong MountNoSuid = 2;
    private const ulong MountNoDev = 4;
    private const ulong MountNoExec = 8;
    private const int UnmountDetach = 2;

    /// <summary>Reads the facts of the current process; tries a tmpfs mount only when root with CAP_SYS_ADMIN.</summary>
    public static MountPrivileges ReadCurrent()
    {
        var isRoot = Environment.IsPrivilegedProcess;
        var hasSysAdmin = HasCapability(ReadStatus(), CapSysAdmin);
        var mountError = isRoot && hasSysAdmin != false ? TryMount() : null;
        return new MountPrivileges(isRoot, hasSysAdmin, mountError);
    }

    /// <summary>
    /// Whether the <c>CapEff</c> line of /proc/PID/status text (a hexadecimal mask) holds
    /// <paramref name="capability"/>; null when there is no such line.
    /// </summary>
    public static bool? HasCapability(string status, int capability)
    {
        var line = status.Split('\n').FirstOrDefault(l => l.StartsWith("CapEff:", StringComparison.Ordinal));
        return line is not null && ulong.TryParse(line["CapEff:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var mask)
            ? ((mask >> capability) & 1) == 1
            : null;
    }

    private static string ReadStatus()
    {
        try
        {
            return File.ReadAllText("/proc/self/status");
        }
        catch (IOException)
        {
            return "";
        }
    }

    // Mounts and unmounts a tiny tmpfs in a fresh temp directory: what containerd will do, minus overlay.
    private static string? TryMount()
    {
        var directory = Directory.CreateTempSubdirectory("unpackbench-mount-check-");
        try
        {
            if (Mount("unpackbench-mount-check", directory.FullName, "tmpfs", MountNoSuid | MountNoDev | MountNoExec, "size=4k") != 0)
            {
                var errno = Marshal.GetLastPInvokeError();
                return $"mounting a tmpfs on {directory.FullName} failed: {Marshal.GetPInvokeErrorMessage(errno)}";
            }

            Unmount(directory.FullName, UnmountDetach);
            return null;
        }
        finally
        {
            directory.Delete();
        }
    }

    [LibraryImport("libc", EntryPoint = "mount", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Mount(string source, string target, string fileSystemType, ulong flags, string data);

    [LibraryImport("libc", EntryPoint = "umount2", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Unmount(string target, int flags);
}
