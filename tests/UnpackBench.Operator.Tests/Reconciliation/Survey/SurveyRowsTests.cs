using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Survey;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation.Survey;

/// <summary>One status row per node and snapshotter, from documents with and without variants.</summary>
public sealed class SurveyRowsTests
{
    private static readonly IReadOnlyList<RunResult> FastRuns = [.. AgentReports.SuccessfulRuns(2).Select(r => r with { DurationSeconds = 1.0 })];

    // What the agent writes for snapshotters overlayfs and native, with a what-if zstd variant of overlayfs;
    // native is not available on the node.
    private static BenchmarkResult TwoSnapshotters()
    {
        var document = AgentReports.Document(AgentReports.SuccessfulRuns(2), numRuns: 2);
        return document with
        {
            Variants =
            [
                new VariantResult { Snapshotter = "overlayfs", Encoding = "original", Status = VariantResult.Success, Summary = document.Summary, Runs = document.Runs },
                new VariantResult { Snapshotter = "overlayfs", Encoding = "zstd", Status = VariantResult.Success, Summary = SummaryCalculator.Summarize(FastRuns, 120_000_000), Runs = FastRuns },
                new VariantResult { Snapshotter = "native", Encoding = "original", Status = VariantResult.Failed, Error = "snapshotter 'native' is not available; available: overlayfs", Summary = new BenchmarkSummary { SuccessfulRuns = 0, FailedRuns = 0 } },
            ],
        };
    }

    private static UnpackBenchmarkStatus Succeeded() => new()
    {
        Phase = BenchmarkPhase.Succeeded,
        Nodes = [StatusRows.Row("node-a", "overlayfs", NodeFacts.None, "pod-a", BenchmarkPhase.Succeeded, "BenchmarkSucceeded", "median", 2, null, "python-result-node-a")],
    };

    [Fact]
    public void Each_snapshotter_gets_the_figures_of_its_original_encoding_and_a_missing_one_fails_alone()
    {
        var rows = SurveyRows.From(Succeeded(), ["overlayfs", "native"], attempts: 1, TwoSnapshotters());

        Assert.Equal(["overlayfs", "native"], rows.Select(r => r.Snapshotter));
        Assert.Equal((BenchmarkPhase.Succeeded, "3.055"), (rows[0].Phase, rows[0].MedianSeconds));
        Assert.Equal((BenchmarkPhase.Failed, "SnapshotterFailed", "snapshotter 'native' is not available; available: overlayfs"), (rows[1].Phase, rows[1].Reason, rows[1].Message));
        Assert.Null(rows[1].MedianSeconds);
        Assert.All(rows, r => Assert.Equal(("node-a", "pod-a", "python-result-node-a"), (r.NodeName, r.AgentPod, r.ResultConfigMap)));
    }

    [Fact]
    public void A_document_without_variants_gives_its_one_snapshotter_the_top_level_summary()
    {
        var rows = SurveyRows.From(Succeeded(), ["overlayfs"], attempts: 1, AgentReports.Document(AgentReports.SuccessfulRuns(2), numRuns: 2));

        var row = Assert.Single(rows);
        Assert.Equal(("overlayfs", BenchmarkPhase.Succeeded, "3.055"), (row.Snapshotter, row.Phase, row.MedianSeconds));
    }

    [Fact]
    public void Before_the_document_every_snapshotter_shares_the_agents_phase_and_only_the_first_shows_figures()
    {
        var running = new UnpackBenchmarkStatus
        {
            Phase = BenchmarkPhase.Running,
            Nodes = [StatusRows.Row("node-a", "overlayfs", NodeFacts.None, "pod-a", BenchmarkPhase.Running, "Running", "1 of 2 runs done", 1, new BenchmarkSummaryStatus { MedianSeconds = "3.100" }, null)],
        };

        var rows = SurveyRows.From(running, ["overlayfs", "native"], attempts: 1, document: null);

        Assert.Equal([("overlayfs", BenchmarkPhase.Running, "3.100"), ("native", BenchmarkPhase.Running, null)], rows.Select(r => (r.Snapshotter, r.Phase, r.MedianSeconds)));
    }

    [Fact]
    public void A_survey_whose_one_snapshotter_failed_on_a_node_ends_partially_succeeded()
    {
        var world = new SurveyWorld(SurveyWorld.Spec(maxParallel: 1) with { Snapshotters = ["overlayfs", "native"] }, SurveyWorld.Node("node-a"));
        world.Step();
        world.Succeeded("node-a", 1.0, TwoSnapshotters());

        world.Step();

        Assert.Equal(BenchmarkPhase.PartiallySucceeded, world.Status.Phase);
        Assert.Equal(["overlayfs", "native"], world.Status.Nodes.Select(r => r.Snapshotter));
        Assert.Equal((0, 1), (world.Status.Survey!.Succeeded, world.Status.Survey.Failed));
    }
}
