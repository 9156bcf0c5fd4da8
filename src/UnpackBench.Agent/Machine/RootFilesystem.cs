using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Machine;

/// <summary>How the environment names the filesystem under containerd's root (<see cref="RootFilesystems"/>).</summary>
internal static class RootFilesystem
{
    /// <summary>The name of the filesystem of <paramref name="mount"/>: its type, and for ext4 whether it has no journal.</summary>
    public static string Describe(Mount mount, Func<string, bool?> hasJournal) =>
        mount.FileSystem == "ext4" && hasJournal(mount.Device) == false ? RootFilesystems.Ext4WithoutJournal : mount.FileSystem;
}
