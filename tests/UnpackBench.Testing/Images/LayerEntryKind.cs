namespace UnpackBench.Testing.Images;

/// <summary>The kind of a tar entry in a layer.</summary>
public enum LayerEntryKind
{
    /// <summary>A regular file; whiteouts are empty regular files named <c>.wh.*</c>.</summary>
    File,

    /// <summary>A directory.</summary>
    Directory,

    /// <summary>A symbolic link.</summary>
    Symlink,

    /// <summary>A hard link to an earlier entry of the same layer.</summary>
    Hardlink,

    /// <summary>Anything else (devices, FIFOs): recorded but not modelled.</summary>
    Other,
}
