namespace UnpackBench.Core.Prediction;

/// <summary>
/// What one layer holds, counted by streaming its blob once — decompressing it and reading the tar
/// headers, never writing a file. These are the inputs of the unpack-time model; a few are counted
/// only to describe the layer (depth, whiteouts).
/// </summary>
public sealed record LayerFeatures
{
    /// <summary>The blob's digest.</summary>
    public required string Digest { get; init; }

    /// <summary>The blob's media type.</summary>
    public required string MediaType { get; init; }

    /// <summary><c>gzip</c>, <c>zstd</c> or <c>none</c> (<see cref="Images.MediaTypes.CompressionOf"/>).</summary>
    public required string Compression { get; init; }

    /// <summary>Bytes of the blob as stored.</summary>
    public required long CompressedBytes { get; init; }

    /// <summary>Bytes of the uncompressed tar stream: what containerd decompresses, hashes and parses.</summary>
    public required long UncompressedBytes { get; init; }

    /// <summary>Bytes of regular-file content: what is written into the snapshot.</summary>
    public required long FileBytes { get; init; }

    /// <summary>Regular files (whiteout markers not included).</summary>
    public required long Files { get; init; }

    /// <summary>Directories.</summary>
    public required long Directories { get; init; }

    /// <summary>Symbolic links.</summary>
    public required long Symlinks { get; init; }

    /// <summary>Hard links.</summary>
    public required long Hardlinks { get; init; }

    /// <summary>Whiteout markers (<c>.wh.</c> files, opaque markers included), which containerd turns into overlay whiteouts.</summary>
    public required long Whiteouts { get; init; }

    /// <summary>Character and block devices, FIFOs.</summary>
    public required long OtherEntries { get; init; }

    /// <summary>The deepest entry's number of path components (a file at <c>a/b/c</c> has depth 3).</summary>
    public required int MaxDepth { get; init; }

    /// <summary>
    /// The directories above every entry, summed (<c>a/b/c</c> adds 2): containerd resolves an entry's parent
    /// path one component at a time, and each system call on the entry walks it again. 0 in documents
    /// written before it was counted.
    /// </summary>
    public long PathComponents { get; init; }

    /// <summary>Every tar entry the layer has (the sum of the counts above).</summary>
    public long Entries => Files + Directories + Symlinks + Hardlinks + Whiteouts + OtherEntries;
}
