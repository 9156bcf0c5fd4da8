namespace UnpackBench.Core.Results;

/// <summary>
/// What <see cref="EnvironmentDescription.RootFilesystem"/> says beyond a filesystem type, and what it does
/// to the figures: the agent writes it, predictions and reports read it.
/// </summary>
public static class RootFilesystems
{
    /// <summary>An ext4 filesystem without a journal.</summary>
    public const string Ext4WithoutJournal = "ext4 (no journal)";

    /// <summary>What <see cref="Ext4WithoutJournal"/> does, for the notes of a result or a calibration measured on one.</summary>
    public const string Ext4WithoutJournalNote =
        "containerd's root is on ext4 without a journal: ext4 then keeps a deleted file's inode from reuse for one to six minutes, " +
        "and every new file's inode search steps over those, so the cost per file grows with how many files the runs of the last minutes deleted " +
        "(on a 2-core VM, 50,000 files unpacked in 3.3 s at first and in up to 5.8 s as runs went on). " +
        "Put containerd's root on a journaled filesystem to compare figures taken at different times, or to predict from a calibration";

    /// <summary>The notes a result or calibration measured in <paramref name="environment"/> carries about its root filesystem.</summary>
    public static IReadOnlyList<string> NotesFor(EnvironmentDescription environment) =>
        environment.RootFilesystem == Ext4WithoutJournal ? [Ext4WithoutJournalNote] : [];
}
