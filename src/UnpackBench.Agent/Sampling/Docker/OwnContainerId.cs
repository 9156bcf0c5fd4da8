using System.Text.RegularExpressions;

namespace UnpackBench.Agent.Sampling.Docker;

/// <summary>
/// Finds the id of the Docker container this process runs in. Docker bind-mounts each container's
/// <c>hostname</c>, <c>hosts</c> and <c>resolv.conf</c> from <c>&lt;data-root&gt;/containers/&lt;id&gt;/</c>
/// onto <c>/etc</c>, which <c>/proc/self/mountinfo</c> shows on cgroup v1 and v2 alike.
/// <c>/proc/self/cgroup</c> names the container (<c>/docker/&lt;id&gt;</c>, or <c>docker-&lt;id&gt;.scope</c>
/// with the systemd driver) only when the container shares the host's cgroup namespace: with cgroup v2's
/// private namespace it reads <c>0::/</c>.
/// </summary>
internal static partial class OwnContainerId
{
    /// <summary>The container id from either file's text (mountinfo first), or null when not in a Docker container.</summary>
    public static string? Find(string? mountInfo, string? procCgroup) => FromMountInfo(mountInfo) ?? FromCgroup(procCgroup);

    /// <summary>Reads the real <c>/proc/self/mountinfo</c> and <c>/proc/self/cgroup</c>.</summary>
    public static string? FromProc() => Find(ReadOrNull("/proc/self/mountinfo"), ReadOrNull("/proc/self/cgroup"));

    /// <summary>
    /// The id in a mountinfo line whose mount point is <c>/etc/hostname</c>, <c>/etc/hosts</c> or
    /// <c>/etc/resolv.conf</c> and whose source (field 4, the path inside its filesystem) is that file of a
    /// Docker container directory.
    /// </summary>
    public static string? FromMountInfo(string? mountInfo)
    {
        foreach (var line in Lines(mountInfo))
        {
            // "90 72 254:0 /var/lib/docker/containers/<id>/hostname /etc/hostname rw,relatime - ext4 /dev/vda rw"
            var fields = line.Split(' ');
            if (fields.Length > 4
                && ContainerFile().Match(fields[3]) is { Success: true } match
                && fields[4] == "/etc/" + match.Groups["file"].Value)
            {
                return match.Groups["id"].Value;
            }
        }

        return null;
    }

    /// <summary>The innermost Docker container named in any line's cgroup path, or null (<c>0::/</c> names none).</summary>
    public static string? FromCgroup(string? procCgroup)
    {
        foreach (var line in Lines(procCgroup))
        {
            var path = line.Split(':', 3) is [_, _, var p] ? p : "";
            if (CgroupContainer().Matches(path) is { Count: > 0 } matches)
            {
                return matches[^1].Groups["id"].Value;
            }
        }

        return null;
    }

    private static string[] Lines(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? ReadOrNull(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    [GeneratedRegex("/containers/(?<id>[0-9a-f]{64})/(?<file>hostname|hosts|resolv\\.conf)$")]
    private static partial Regex ContainerFile();

    [GeneratedRegex("(?:^|/)docker[-/](?<id>[0-9a-f]{64})(?:\\.scope)?(?=/|$)")]
    private static partial Regex CgroupContainer();
}
