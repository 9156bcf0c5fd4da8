using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed class StatusSummarizerTests
{
    [Fact]
    public void Figures_are_fixed_precision_decimal_strings()
    {
        var document = AgentReports.Document([AgentReports.SuccessfulRun(1)]) with
        {
            Summary = new BenchmarkSummary
            {
                SuccessfulRuns = 4,
                FailedRuns = 1,
                AvgDurationSeconds = 0.1234,
                MinDurationSeconds = 0.1,
                MaxDurationSeconds = 0.12349,
                MedianDurationSeconds = 0.123,
                P95DurationSeconds = 0.1236,
                ThroughputMbPerSecond = 321.44,
                MaxCpuPeakPercent = 173.66,
                MaxMemoryPeakMb = 137.0,
                MaxPidPeakCount = 15,
            },
        };

        var summary = StatusSummarizer.Summarize(AgentProgress.Empty with { Result = document })!;

        Assert.Equal((4, 1), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Equal("0.123", summary.AvgSeconds);
        Assert.Equal("0.100", summary.MinSeconds);
        Assert.Equal("0.123", summary.MaxSeconds);
        Assert.Equal("0.123", summary.MedianSeconds);
        Assert.Equal("0.124", summary.P95Seconds);
        Assert.Equal("321.4", summary.ThroughputMBps);
        Assert.Equal("173.7", summary.CpuPeakPercent);
        Assert.Equal("137.0", summary.MemoryPeakMB);
        Assert.Equal(15, summary.PidPeakCount);
    }

    [Fact]
    public void Nothing_reported_yet_gives_no_summary()
    {
        Assert.Null(StatusSummarizer.Summarize(AgentProgress.Empty));
        Assert.Null(StatusSummarizer.Summarize(AgentLogs.Reading([AgentReports.AcquiredLine()])));
    }

    [Fact]
    public void Logged_runs_are_summarised_before_the_result_arrives()
    {
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns([AgentReports.SuccessfulRun(1, 3.0), AgentReports.SuccessfulRun(2, 4.0), AgentReports.FailedRun(3)]));

        var summary = StatusSummarizer.Summarize(progress)!;

        Assert.Equal((2, 1), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Equal("3.500", summary.MedianSeconds);
        Assert.Equal("3.000", summary.MinSeconds);
        Assert.Equal("4.000", summary.MaxSeconds);
        Assert.Equal("152.0", summary.CpuPeakPercent);
        Assert.Null(summary.ThroughputMBps); // the uncompressed size is not known before the result
    }

    [Fact]
    public void Figures_that_were_not_measured_stay_null_never_zero()
    {
        var unmeasured = AgentReports.SuccessfulRun(1, 2.0) with { PeakMetrics = new PeakMetrics(), Metrics = null };
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns([unmeasured]));

        var summary = StatusSummarizer.Summarize(progress)!;

        Assert.Equal("2.000", summary.MedianSeconds);
        Assert.Null(summary.CpuPeakPercent);
        Assert.Null(summary.MemoryPeakMB);
        Assert.Null(summary.PidPeakCount);
        Assert.Null(summary.ThroughputMBps);
    }

    [Fact]
    public void All_runs_failed_gives_counts_and_no_durations()
    {
        var progress = AgentLogs.Reading(AgentReports.LogWithRuns([AgentReports.FailedRun(1), AgentReports.FailedRun(2)]));

        var summary = StatusSummarizer.Summarize(progress)!;

        Assert.Equal((0, 2), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Null(summary.MedianSeconds);
        Assert.Null(summary.AvgSeconds);
        Assert.Null(summary.P95Seconds);
    }

    [Fact]
    public void A_termination_message_alone_gives_counts_and_the_median()
    {
        var termination = new AgentTerminationMessage { Outcome = "Failed", Reason = "Incomplete", Message = "interrupted", SuccessfulRuns = 3, FailedRuns = 1, MedianSeconds = 3.1234 };

        var summary = StatusSummarizer.FromTermination(termination)!;

        Assert.Equal((3, 1), (summary.SuccessfulRuns, summary.FailedRuns));
        Assert.Equal("3.123", summary.MedianSeconds);
        Assert.Null(summary.AvgSeconds);
    }

    [Fact]
    public void A_termination_message_without_counts_gives_no_summary()
    {
        Assert.Null(StatusSummarizer.FromTermination(null));
        Assert.Null(StatusSummarizer.FromTermination(new AgentTerminationMessage { Outcome = "Failed", Reason = "ImageNotFound", Message = "manifest unknown" }));
    }

    [Fact]
    public void The_image_section_comes_from_the_result_or_else_the_acquired_image()
    {
        Assert.Null(StatusSummarizer.Image(AgentProgress.Empty));

        var acquired = StatusSummarizer.Image(AgentLogs.Reading([AgentReports.AcquiredLine()]))!;
        Assert.Equal((AgentReports.Image.Digest, "linux/amd64", 2, 40_000_000L, (long?)null), (acquired.Digest, acquired.Platform, acquired.Layers, acquired.CompressedBytes, acquired.UncompressedBytes));

        var finished = StatusSummarizer.Image(AgentLogs.Reading([AgentReports.AcquiredLine(), AgentReports.ResultLine(AgentReports.Document(AgentReports.SuccessfulRuns(1)))]))!;
        Assert.Equal(120_000_000, finished.UncompressedBytes);
    }
}
