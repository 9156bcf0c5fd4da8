namespace UnpackBench.Testing.FileTrees;

/// <summary>The kind of a path in a filesystem tree.</summary>
public enum FileKind
{
    File,
    Directory,
    Symlink,

    /// <summary>Devices, FIFOs, sockets — e.g. the char 0/0 whiteouts overlayfs keeps in an upper directory.</summary>
    Other,
}
