namespace UnpackBench.Analysis.Comparison;

/// <summary>The two images' layers matched by diff ID, and where the unpack time moved.</summary>
public sealed record LayerComparison
{
    /// <summary>Layers only in the candidate.</summary>
    public required int Added { get; init; }

    /// <summary>Layers only in the baseline.</summary>
    public required int Removed { get; init; }

    /// <summary>Layers in both.</summary>
    public required int Unchanged { get; init; }

    /// <summary>Every layer: the candidate's in its order, then those removed, in the baseline's order.</summary>
    public required IReadOnlyList<LayerChange> Layers { get; init; }

    /// <summary>The diff ID of the layer whose time moved most (largest absolute change); null without timings.</summary>
    public string? LargestChange { get; init; }
}
