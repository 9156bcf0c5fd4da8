using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Results;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>What one variant (snapshotter × encoding) produced, before it becomes part of the document.</summary>
internal sealed record VariantOutcome
{
    /// <summary>The snapshotter.</summary>
    public required string Snapshotter { get; init; }

    /// <summary>The encoding.</summary>
    public required LayerEncoding Encoding { get; init; }

    /// <summary>The image as unpacked in this variant (the original, or its re-encoding).</summary>
    public required AcquiredImage Image { get; init; }

    /// <summary>Why the variant could not run at all; null when it ran.</summary>
    public string? Error { get; init; }

    /// <summary>The timed runs.</summary>
    public IReadOnlyList<RunResult> Runs { get; init; } = [];

    /// <summary>The applied descriptors of a successful run (uncompressed sizes).</summary>
    public IReadOnlyList<OciDescriptor>? Applied { get; init; }

    /// <summary>Whether the benchmark was interrupted during this variant.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Why the benchmark stopped early during this variant (containerd stopped answering); null otherwise.</summary>
    public string? AbortReason { get; init; }

    /// <summary>The floors, when measured.</summary>
    public FloorMeasurement? Floors { get; init; }
}
