namespace UnpackBench.Bench.Generation;

/// <summary>What a planned layer entry is.</summary>
internal enum PlannedKind
{
    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A regular file with generated content.</summary>
    File,

    /// <summary>A symbolic link.</summary>
    Symlink,
}

/// <summary>
/// One entry of a generated layer, before it is written: path, kind, permission bits, and for files the size,
/// content seed and mix (the content itself is generated while the tar is written).
/// </summary>
internal sealed record PlannedEntry(
    PlannedKind Kind,
    string Path,
    UnixFileMode Mode,
    long Size = 0,
    ulong Seed = 0,
    ContentMix? Mix = null,
    string? LinkTarget = null);
