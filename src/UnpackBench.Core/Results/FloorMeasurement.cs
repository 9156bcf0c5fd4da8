namespace UnpackBench.Core.Results;

/// <summary>
/// What the machine allows, measured after the timed runs with plain tools (<c>--floor</c>): per layer
/// the time to decompress the blob and discard the output, and the time to decompress and extract it
/// with GNU tar into a fresh directory on the snapshots' filesystem.
/// </summary>
public sealed record FloorMeasurement
{
    /// <summary>Per layer, base first.</summary>
    public required IReadOnlyList<LayerFloor> Layers { get; init; }

    /// <summary>Sum of the layers' decompression floors.</summary>
    public double? DecompressFloorSeconds { get; init; }

    /// <summary>Sum of the layers' extraction floors.</summary>
    public double? ExtractFloorSeconds { get; init; }

    /// <summary>How comparable the floor's decompressor is to containerd's, when it is not the same one.</summary>
    public string? Note { get; init; }
}

/// <summary>One layer's floors.</summary>
public sealed record LayerFloor
{
    /// <summary>The layer blob's digest.</summary>
    public required string Digest { get; init; }

    /// <summary>Decompress the blob from the content store to nothing; 0 for an uncompressed layer.</summary>
    public double? DecompressFloorSeconds { get; init; }

    /// <summary>Decompress and extract with GNU tar into a fresh directory, which is then removed.</summary>
    public double? ExtractFloorSeconds { get; init; }

    /// <summary>What decompressed: <c>unpigz</c>, <c>zstd</c>, <c>dotnet-gzip</c> or <c>none</c>.</summary>
    public required string FloorTool { get; init; }
}
