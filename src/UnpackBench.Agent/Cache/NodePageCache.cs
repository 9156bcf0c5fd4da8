using UnpackBench.Agent.Unpack;

namespace UnpackBench.Agent.Cache;

/// <summary>
/// The node's whole page cache, for <c>--cache drop</c>: sync(2), then <c>1</c> into
/// /proc/sys/vm/drop_caches, which drops every clean page-cache page of the node (not dentries and
/// inodes, which did not change the unpack's time). Privileged and node-wide: other workloads on the
/// node lose their cached files too.
/// </summary>
internal static class NodePageCache
{
    /// <summary>The kernel's knob.</summary>
    public const string DropCachesPath = "/proc/sys/vm/drop_caches";

    /// <summary>Null when the agent may drop the page cache, otherwise why not and what to do.</summary>
    public static string? Problem(string path = DropCachesPath)
    {
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.Write);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"--cache drop needs to write {path} ({e.Message}): run the agent as root on the host, or in a privileged pod where /proc/sys is writable; or use --cache cold, which drops only the image's blobs";
        }
    }

    /// <summary>Writes dirty pages back, drops the page cache, then reads the agent's own code back (<see cref="OwnCodePages"/>).</summary>
    public static void Drop(string path = DropCachesPath)
    {
        FileSystemSync.FlushAll();
        File.WriteAllText(path, "1");
        OwnCodePages.Reload();
    }
}
