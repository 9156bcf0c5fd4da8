namespace UnpackBench.Agent.Machine;

/// <summary>
/// Whether a mounted ext4 filesystem has a journal, from sysfs: <c>/sys/fs/ext4/NAME/journal_task</c>
/// holds the journal thread's pid, or <c>&lt;none&gt;</c> without a journal. It matters for the unpack:
/// without a journal, ext4 keeps a deleted file's inode from reuse for one to six minutes, and every new
/// file's inode search steps over those (<see cref="Core.Results.RootFilesystems.Ext4WithoutJournalNote"/>).
/// </summary>
internal static class Ext4Journal
{
    private const string NoJournal = "<none>";

    /// <summary>True or false for an ext4 on device <paramref name="device"/> (<c>major:minor</c>); null when sysfs does not say.</summary>
    public static bool? Has(string device, string sysfs = "/sys")
    {
        try
        {
            var name = new DirectoryInfo(Path.Combine(sysfs, "dev", "block", device)).ResolveLinkTarget(returnFinalTarget: true)?.Name;
            var task = name is null ? null : Path.Combine(sysfs, "fs", "ext4", name, "journal_task");
            return task is not null && File.Exists(task) ? File.ReadAllText(task).Trim() != NoJournal : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
