using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Findings;

/// <summary>
/// Puts each run next to the floors: <c>efficiency = copies × Σ decompression floor / duration</c> and
/// <c>overhead_vs_tar = duration / (copies × Σ extraction floor)</c>. With one copy, efficiency lies in
/// (0, 1]; with several, the duration is the wall time of all copies and the floors are counted once
/// per copy, so overlapping copies can exceed 1. An image with nothing to decompress (every layer
/// uncompressed) has no efficiency: null, not 0.
/// </summary>
internal static class FloorFigures
{
    /// <summary>The runs with their efficiency and overhead against tar, where the run and the floors allow.</summary>
    public static IReadOnlyList<RunResult> Apply(IReadOnlyList<RunResult> runs, FloorMeasurement floors, int copies) =>
        runs.Select(run => run.DurationSeconds is not > 0 ? run : run with
        {
            Efficiency = floors.DecompressFloorSeconds is > 0 and var decompress ? copies * decompress / run.DurationSeconds.Value : null,
            OverheadVsTar = floors.ExtractFloorSeconds is > 0 ? run.DurationSeconds.Value / (copies * floors.ExtractFloorSeconds.Value) : null,
        }).ToList();
}
