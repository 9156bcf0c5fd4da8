namespace UnpackBench.Core.Prediction;

/// <summary>One term of the unpack-time model: a cost per unit of a counted feature.</summary>
public sealed record ModelFeature
{
    /// <summary>The feature's name, e.g. <c>files</c> or <c>gzip_compressed_bytes</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Seconds per unit of the feature (never negative).</summary>
    public required double Coefficient { get; init; }

    /// <summary>The coefficient's standard error; 0 when the non-negativity constraint holds it at zero.</summary>
    public required double StandardError { get; init; }

    /// <summary>Whether the non-negativity constraint held the coefficient at zero.</summary>
    public required bool AtBound { get; init; }
}
