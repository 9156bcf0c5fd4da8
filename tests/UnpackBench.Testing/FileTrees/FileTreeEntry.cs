using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.FileTrees;

/// <summary>
/// One path of a <see cref="FileTree"/>: kind, permission bits (including setuid/setgid/sticky), owner, and for
/// files size and content digest, for symlinks their target. Directory sizes are always 0.
/// </summary>
public sealed record FileTreeEntry(
    string Path,
    FileKind Kind,
    UnixFileMode Mode,
    int Uid,
    int Gid,
    long Size = 0,
    string? ContentDigest = null,
    string? LinkTarget = null)
{
    /// <summary>A one-line description for difference messages, e.g. <c>file 0644 0:0 12 bytes sha256:ab12…</c>.</summary>
    public string Describe() => Kind switch
    {
        FileKind.File => $"file {UnixModes.ToOctal(Mode)} {Uid}:{Gid} {Size} bytes {ContentDigest}",
        FileKind.Directory => $"directory {UnixModes.ToOctal(Mode)} {Uid}:{Gid}",
        FileKind.Symlink => $"symlink -> '{LinkTarget}' {Uid}:{Gid}",
        _ => $"special file {UnixModes.ToOctal(Mode)} {Uid}:{Gid} (device, FIFO or socket)",
    };
}
