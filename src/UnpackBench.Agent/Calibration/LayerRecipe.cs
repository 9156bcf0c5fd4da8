namespace UnpackBench.Agent.Calibration;

/// <summary>
/// What one synthetic calibration layer holds: <see cref="Files"/> regular files of
/// <see cref="FileSize"/> bytes of <see cref="Content"/>, <see cref="FilesPerDirectory"/> to a
/// directory nested <see cref="Depth"/> levels deep, plus empty directories, symlinks and hard links,
/// compressed as <see cref="Compression"/> says (<c>gzip</c>, <c>zstd</c> or <c>none</c>).
/// </summary>
internal sealed record LayerRecipe(string Compression, ContentKind Content, int Files, long FileSize)
{
    /// <summary>Files per directory.</summary>
    public int FilesPerDirectory { get; init; } = 100;

    /// <summary>Directory levels above each file (1: <c>g0/f0</c>).</summary>
    public int Depth { get; init; } = 1;

    /// <summary>Empty directories, two levels deep.</summary>
    public int EmptyDirectories { get; init; }

    /// <summary>Symbolic links to a file of the layer.</summary>
    public int Symlinks { get; init; }

    /// <summary>Hard links to a file of the layer (needs at least one file).</summary>
    public int Hardlinks { get; init; }

    /// <summary>A short description for progress lines.</summary>
    public string Describe() =>
        $"{Compression}, {Files} × {FileSize} B {Content.ToString().ToLowerInvariant()}" +
        (EmptyDirectories > 0 ? $", {EmptyDirectories} dirs" : "") + (Symlinks + Hardlinks > 0 ? $", {Symlinks + Hardlinks} links" : "") + (Depth > 1 ? $", depth {Depth}" : "");
}
