using System.Globalization;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// Finds the cgroup of a containerd the agent did not start (<c>--containerd-address</c>), from the
/// process id containerd reports. Only possible when the agent shares containerd's PID namespace
/// (on Kubernetes: <c>hostPID: true</c>).
/// </summary>
internal static class ExternalContainerdCgroup
{
    /// <summary>Returns containerd's cgroup counters, or throws saying why they cannot be read.</summary>
    /// <exception cref="CgroupUnavailableException">containerd's process is not visible or its cgroup cannot be resolved.</exception>
    public static ICgroupCounters Find(int containerdPid, ulong containerdPidNamespace)
    {
        var ours = OwnPidNamespace();
        if (containerdPid == 0 || containerdPidNamespace != 0 && ours != 0 && ours != containerdPidNamespace)
        {
            throw new CgroupUnavailableException(
                "containerd runs in another PID namespace, so its process is not visible here; run the agent in the host's PID namespace (hostPID: true) to measure it");
        }

        var procCgroup = CgroupFileSystem.Read($"/proc/{containerdPid.ToString(CultureInfo.InvariantCulture)}/cgroup")
            ?? throw new CgroupUnavailableException($"containerd's process {containerdPid} is not visible to the agent");
        var hierarchy = CgroupHierarchy.Resolve(procCgroup, CgroupFileSystem.Read("/proc/self/mountinfo") ?? "", CgroupFileSystem.Read)
            ?? throw new CgroupUnavailableException("no cgroup controllers are mounted");
        return hierarchy.Version == CgroupVersion.V2
            ? new CgroupV2Counters(hierarchy.ControllerDirectories.Values.First(), CgroupFileSystem.Read)
            : new CgroupV1Counters(hierarchy, CgroupFileSystem.Read, CgroupFileSystem.Write);
    }

    // /proc/self/ns/pid links to "pid:[4026531836]"; the number is what containerd reports as pidns.
    private static ulong OwnPidNamespace()
    {
        try
        {
            var target = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "";
            var digits = new string(target.Where(char.IsAsciiDigit).ToArray());
            return ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var inode) ? inode : 0;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
