using UnpackBench.Agent.Containerd.Api;

namespace UnpackBench.Agent.Unpack;

/// <summary>One layer's readings of the unpack clock, in stopwatch ticks from the start of the window.</summary>
internal sealed record LayerClock(int Index, long PrepareEnd, long ApplyEnd, long CommitEnd, long Start)
{
    /// <summary>Ticks from the start of the layer to its commit.</summary>
    public long Total => CommitEnd - Start;
}

/// <summary>
/// What a timed unpack produced: the clock readings of every completed layer, the snapshot
/// directories it created (so the cleaner can wait for them to vanish), the uncompressed sizes
/// containerd's differ reported, and the error if a step failed.
/// </summary>
internal sealed record UnpackOutcome
{
    /// <summary>Completed layers, in order.</summary>
    public required IReadOnlyList<LayerClock> Layers { get; init; }

    /// <summary>Ticks from the first prepare to the last completed commit; the run's duration when it succeeded.</summary>
    public required long TotalTicks { get; init; }

    /// <summary>On-disk directories of the snapshots created, per the snapshotter's mounts.</summary>
    public required IReadOnlyList<string> SnapshotDirectories { get; init; }

    /// <summary>The applied (uncompressed) descriptor containerd returned for each completed layer.</summary>
    public required IReadOnlyList<OciDescriptor> Applied { get; init; }

    /// <summary>Why the unpack stopped, or null when every layer was committed.</summary>
    public string? Error { get; init; }
}
