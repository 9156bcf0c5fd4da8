using UnpackBench.Agent.Containerd.Api;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// Finds the on-disk directory of the snapshot a set of mounts writes into, so the cleaner can
/// check it is really gone. overlayfs and native keep each snapshot in <c>…/snapshots/&lt;id&gt;</c>;
/// overlay mounts name it in <c>upperdir=…/&lt;id&gt;/fs</c>, bind mounts in their source.
/// </summary>
internal static class SnapshotDirectories
{
    /// <summary>The directory of the writable snapshot behind <paramref name="mounts"/>, or null if the snapshotter does not expose one.</summary>
    public static string? WritableDirectory(IEnumerable<Mount> mounts)
    {
        foreach (var mount in mounts)
        {
            var upper = mount.Options.FirstOrDefault(o => o.StartsWith("upperdir=", StringComparison.Ordinal));
            var path = upper is not null ? upper["upperdir=".Length..] : mount.Type == "bind" || mount.Options.Contains("bind") || mount.Options.Contains("rbind") ? mount.Source : null;
            if (path is not null && Path.IsPathRooted(path))
            {
                return Path.GetFileName(path) == "fs" ? Path.GetDirectoryName(path) : path;
            }
        }

        return null;
    }
}
