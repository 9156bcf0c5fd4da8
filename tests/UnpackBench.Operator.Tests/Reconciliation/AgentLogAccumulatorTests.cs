using System.Text.Json;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed class AgentLogAccumulatorTests
{
    // Progress compared by content: its collections are not records.
    private static string Json(AgentProgress progress) => JsonSerializer.Serialize(progress, ResultJson.Options);

    [Theory]
    [InlineData("empty line", "")]
    [InlineData("plain text", "pulling localhost:5000/library/python:3.12")]
    [InlineData("a truncated event", """{"event":"run","time":"2026-03-14T11:55:00+00:00","run":{"run_id":1""")]
    [InlineData("an array", """[{"event":"run"}]""")]
    [InlineData("an object that is no event", """{"level":"info","msg":"containerd started"}""")]
    [InlineData("an event without a kind", """{"event":"","time":"2026-03-14T11:55:00+00:00"}""")]
    [InlineData("an unknown event kind", """{"event":"stage","time":"2026-03-14T11:55:00+00:00","message":"pulling"}""")]
    [InlineData("a run event without its run", """{"event":"run","time":"2026-03-14T11:55:00+00:00","completed_runs":1}""")]
    [InlineData("a calibration event without its document", """{"event":"calibration","time":"2026-03-14T11:55:00+00:00"}""")]
    [InlineData("a features event without its document", """{"event":"features","time":"2026-03-14T11:55:00+00:00"}""")]
    public void Lines_that_report_nothing_change_nothing(string @case, string line)
    {
        var accumulator = new AgentLogAccumulator();

        Assert.False(accumulator.Apply(line), @case);
        Assert.Same(AgentProgress.Empty, accumulator.Snapshot());
    }

    [Fact]
    public void A_calibration_and_an_images_counted_features_are_kept_as_the_agents_documents()
    {
        var calibration = Calibrations.Of("node-a", Scenario.Now);
        var features = Calibrations.Image();

        var progress = AgentLogs.ReadToEnd([AgentReports.StartedLine(), Calibrations.CalibrationLine(calibration), Calibrations.FeaturesLine(features)]);

        Assert.Equal(Core.Prediction.PredictionJson.Serialize(calibration), Core.Prediction.PredictionJson.Serialize(progress.Calibration!));
        Assert.Equal(Core.Prediction.PredictionJson.Serialize(features), Core.Prediction.PredictionJson.Serialize(progress.Features!));
        Assert.Null(progress.Result);
    }

    [Fact]
    public void Reading_the_same_log_twice_gives_the_same_progress()
    {
        var runs = AgentReports.SuccessfulRuns(3);
        var log = AgentReports.LogWithRuns(runs);
        var accumulator = new AgentLogAccumulator();

        log.ForEach(l => accumulator.Apply(l));
        var once = Json(accumulator.Snapshot());
        log.ForEach(l => accumulator.Apply(l));

        Assert.Equal(once, Json(accumulator.Snapshot()));
        Assert.Equal([1, 2, 3], accumulator.Snapshot().Runs.Keys);
    }

    [Fact]
    public void A_reconnect_that_replays_the_log_from_the_start_loses_and_duplicates_nothing()
    {
        var runs = AgentReports.SuccessfulRuns(4);
        var accumulator = new AgentLogAccumulator();

        AgentReports.LogWithRuns(runs.Take(2)).ForEach(l => accumulator.Apply(l));
        AgentReports.LogWithRuns(runs).ForEach(l => accumulator.Apply(l));

        Assert.Equal(Json(AgentLogs.Reading(AgentReports.LogWithRuns(runs))), Json(accumulator.Snapshot()));
    }

    [Fact]
    public void Runs_are_kept_by_run_id_in_order()
    {
        var accumulator = new AgentLogAccumulator();

        Assert.True(accumulator.Apply(AgentReports.RunLine(AgentReports.SuccessfulRun(2))));
        Assert.True(accumulator.Apply(AgentReports.RunLine(AgentReports.FailedRun(1))));

        var progress = accumulator.Snapshot();
        Assert.Equal([1, 2], progress.Runs.Keys);
        Assert.Equal(RunResult.Failed, progress.Runs[1].Status);
        Assert.Equal(3.01, progress.Runs[2].DurationSeconds);
        Assert.Equal(5, progress.Runs[2].Metrics!.Series.Count);
    }

    [Fact]
    public void The_acquired_event_records_the_image()
    {
        var accumulator = new AgentLogAccumulator();

        accumulator.Apply(AgentReports.AcquiredLine());

        var image = accumulator.Snapshot().Image!;
        Assert.Equal(AgentReports.Image.Digest, image.Digest);
        Assert.Equal(2, image.Layers.Count);
        Assert.Null(image.TotalUncompressedBytes);
        Assert.Null(accumulator.Snapshot().Result);
    }

    [Fact]
    public void A_result_event_fills_the_runs_and_the_image()
    {
        var runs = AgentReports.SuccessfulRuns(5);
        var document = AgentReports.Document(runs);

        var progress = AgentLogs.Reading([.. AgentReports.LogWithRuns(runs.Take(2)), AgentReports.ResultLine(document)]);

        Assert.Equal([1, 2, 3, 4, 5], progress.Runs.Keys);
        Assert.Equal(120_000_000, progress.Image!.TotalUncompressedBytes);
        Assert.Equal(ResultJson.Serialize(document), ResultJson.Serialize(progress.Result!));
        Assert.Null(progress.FailureReason);
    }

    [Fact]
    public void A_failed_event_records_the_agents_reason_and_message()
    {
        var progress = AgentLogs.Reading([AgentReports.StartedLine(), AgentReports.FailedLine(AgentFailureReasons.ImageNotFound, "localhost:5000/library/python:3.12: manifest unknown")]);

        Assert.Equal(AgentFailureReasons.ImageNotFound, progress.FailureReason);
        Assert.Equal("localhost:5000/library/python:3.12: manifest unknown", progress.FailureMessage);
        Assert.Empty(progress.Runs);
    }

    [Fact]
    public void A_failed_event_without_a_reason_is_an_internal_error()
    {
        var progress = AgentLogs.Reading([AgentReports.FailedLine(null, "internal error: NullReferenceException")]);

        Assert.Equal(AgentFailureReasons.InternalError, progress.FailureReason);
    }

    [Fact]
    public void Completing_the_log_clears_an_earlier_read_error()
    {
        var accumulator = new AgentLogAccumulator();
        accumulator.Apply(AgentReports.AcquiredLine());

        accumulator.Fail("the server closed the stream");
        Assert.Equal("the server closed the stream", accumulator.Snapshot().LogError);
        Assert.False(accumulator.Snapshot().LogComplete);

        accumulator.Retry(afterExit: false);
        Assert.Null(accumulator.Snapshot().LogError);

        accumulator.Fail("again");
        accumulator.Complete();
        Assert.True(accumulator.Snapshot().LogComplete);
        Assert.Null(accumulator.Snapshot().LogError);
        Assert.NotNull(accumulator.Snapshot().Image);
    }
}
