using UnpackBench.Agent.Findings;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Findings;

public sealed class FloorFiguresTests
{
    private static readonly FloorMeasurement Floors = new() { Layers = [], DecompressFloorSeconds = 1.75, ExtractFloorSeconds = 2.2 };

    [Fact]
    public void Efficiency_is_the_decompression_floor_over_the_run_and_overhead_the_run_over_the_tar_floor()
    {
        var run = FloorFigures.Apply([new RunResult { RunId = 1, Status = RunResult.Success, DurationSeconds = 5.0 }], Floors, copies: 1).Single();

        Assert.Equal(0.35, run.Efficiency!.Value, 12);
        Assert.Equal(5.0 / 2.2, run.OverheadVsTar!.Value, 12);
    }

    [Fact]
    public void With_copies_the_floors_count_once_per_copy()
    {
        var run = FloorFigures.Apply([new RunResult { RunId = 1, Status = RunResult.Success, DurationSeconds = 5.0 }], Floors, copies: 4).Single();

        Assert.Equal(4 * 1.75 / 5.0, run.Efficiency!.Value, 12);
        Assert.Equal(5.0 / (4 * 2.2), run.OverheadVsTar!.Value, 12);
    }

    [Fact]
    public void Nothing_to_decompress_means_no_efficiency_rather_than_zero()
    {
        var uncompressed = Floors with { DecompressFloorSeconds = 0 };

        var run = FloorFigures.Apply([new RunResult { RunId = 1, Status = RunResult.Success, DurationSeconds = 5.0 }], uncompressed, copies: 1).Single();

        Assert.Null(run.Efficiency);
        Assert.Equal(5.0 / 2.2, run.OverheadVsTar!.Value, 12);
    }

    [Fact]
    public void A_failed_run_gets_no_figures()
    {
        var run = FloorFigures.Apply([new RunResult { RunId = 1, Status = RunResult.Failed }], Floors, copies: 1).Single();

        Assert.Null(run.Efficiency);
        Assert.Null(run.OverheadVsTar);
    }
}
