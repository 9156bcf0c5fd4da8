namespace UnpackBench.Testing.Images;

/// <summary>
/// One tar entry of a layer as written or read back: normalised relative path (no leading <c>/</c> or <c>./</c>,
/// no trailing <c>/</c>), kind, permission bits, owner, and for files their size and content digest.
/// Whiteouts are kept as the plain files they are in the tar; <see cref="IsWhiteout"/> and
/// <see cref="IsOpaqueWhiteout"/> interpret the name.
/// </summary>
public sealed record LayerEntry(
    string Path,
    LayerEntryKind Kind,
    UnixFileMode Mode,
    int Uid,
    int Gid,
    long Size = 0,
    string? ContentDigest = null,
    string? LinkTarget = null)
{
    /// <summary>The prefix of a whiteout file name.</summary>
    public const string WhiteoutPrefix = ".wh.";

    /// <summary>The name of the opaque-directory marker.</summary>
    public const string OpaqueWhiteoutName = ".wh..wh..opq";

    /// <summary>The last path component.</summary>
    public string Name => Path[(Path.LastIndexOf('/') + 1)..];

    /// <summary>The parent path, or the empty string for top-level entries.</summary>
    public string Parent => LayerPath.ParentOf(Path);

    /// <summary>True for <c>.wh.&lt;name&gt;</c>, which deletes <see cref="WhiteoutTarget"/> from lower layers.</summary>
    public bool IsWhiteout => Kind == LayerEntryKind.File && Name.StartsWith(WhiteoutPrefix, StringComparison.Ordinal) && !IsOpaqueWhiteout;

    /// <summary>True for <c>.wh..wh..opq</c>, which hides everything below <see cref="Parent"/> in lower layers.</summary>
    public bool IsOpaqueWhiteout => Kind == LayerEntryKind.File && Name == OpaqueWhiteoutName;

    /// <summary>The path a whiteout deletes.</summary>
    public string WhiteoutTarget => IsWhiteout
        ? LayerPath.Join(Parent, Name[WhiteoutPrefix.Length..])
        : throw new InvalidOperationException($"{Path} is not a whiteout.");
}
