namespace UnpackBench.Agent.Machine;

/// <summary>How the environment names the filesystem under containerd's root, and what one of them does to the figures.</summary>
internal static class RootFilesystem
{
    /// <summary>The name of an ext4 filesystem without a journal.</summary>
    public const string Ext4WithoutJournal = "ext4 (no journal)";

    /// <summary>The note a result or calibration measured on <see cref="Ext4WithoutJournal"/> carries.</summary>
    public const string Ext4WithoutJournalNote =
        "containerd's root is on ext4 without a journal: ext4 then keeps a deleted file's inode from reuse for one to six minutes, " +
        "and every new file's inode search steps over those, so the cost per file grows with how many files the runs of the last minutes deleted " +
        "(on a 2-core VM, 50,000 files unpacked in 3.3 s at first and in up to 5.8 s as runs went on). " +
        "Put containerd's root on a journaled filesystem to compare figures taken at different times, or to predict from a calibration";

    /// <summary>The name of the filesystem of <paramref name="mount"/>: its type, and for ext4 whether it has no journal.</summary>
    public static string Describe(Mount mount, Func<string, bool?> hasJournal) =>
        mount.FileSystem == "ext4" && hasJournal(mount.Device) == false ? Ext4WithoutJournal : mount.FileSystem;
}
