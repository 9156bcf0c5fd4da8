namespace UnpackBench.Analysis.Comparison;

/// <summary>How a layer (by diff ID) differs between the baseline image and the candidate image.</summary>
public enum LayerChangeKind
{
    /// <summary>In both images.</summary>
    Unchanged,

    /// <summary>Only in the candidate.</summary>
    Added,

    /// <summary>Only in the baseline.</summary>
    Removed,
}
