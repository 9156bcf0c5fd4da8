using System.Globalization;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>The verdict of a survey, from its nodes' rows.</summary>
/// <param name="Phase">Pending, Running, Succeeded, PartiallySucceeded or Failed.</param>
/// <param name="Reason">A CamelCase reason.</param>
/// <param name="Message">A sentence.</param>
internal sealed record SurveyVerdict(string Phase, string Reason, string Message);

/// <summary>
/// Sums a survey up: how many nodes succeeded, failed and were skipped, the fastest and slowest row by
/// median and the spread between them, and the survey's phase — Succeeded when every node did,
/// PartiallySucceeded when some did and some failed, Failed when none did.
/// </summary>
internal static class SurveySummarizer
{
    /// <summary>The survey section of the status.</summary>
    public static SurveyStatus Summarize(IReadOnlyList<SurveyNodeOutcome> nodes, IReadOnlyList<SkippedNode> skipped)
    {
        var measured = nodes.SelectMany(n => n.Rows)
            .Where(r => r.Phase == BenchmarkPhase.Succeeded && Seconds(r.MedianSeconds) is not null)
            .OrderBy(r => Seconds(r.MedianSeconds))
            .ThenBy(r => r.NodeName, StringComparer.Ordinal)
            .ToList();
        var finished = nodes.Count(n => SurveyRows.Finished(n.Rows));
        return new SurveyStatus
        {
            Nodes = nodes.Count,
            Succeeded = nodes.Count(n => n.Rows.All(r => r.Phase == BenchmarkPhase.Succeeded)),
            Failed = nodes.Count(n => SurveyRows.Finished(n.Rows) && n.Rows.Any(r => r.Phase == BenchmarkPhase.Failed)),
            Skipped = skipped.Count,
            Progress = string.Create(CultureInfo.InvariantCulture, $"{finished}/{nodes.Count}"),
            Fastest = measured.Count == 0 ? null : Extreme(measured[0]),
            Slowest = measured.Count == 0 ? null : Extreme(measured[^1]),
            Spread = measured.Count < 2 || Seconds(measured[0].MedianSeconds) is not > 0
                ? null
                : (Seconds(measured[^1].MedianSeconds)!.Value / Seconds(measured[0].MedianSeconds)!.Value).ToString("0.00", CultureInfo.InvariantCulture),
            SkippedNodes = skipped,
        };
    }

    /// <summary>The survey's phase, reason and message.</summary>
    public static SurveyVerdict Verdict(IReadOnlyList<SurveyNodeOutcome> nodes, SurveyStatus survey, string index)
    {
        if (nodes.Count == 0)
        {
            var skipped = survey.SkippedNodes.Count == 0 ? "" : $" ({string.Join("; ", survey.SkippedNodes.Select(s => s.Message))})";
            return new(BenchmarkPhase.Failed, "NoNodes", $"no node can be surveyed: none matches spec.nodeSelector, or every match was skipped{skipped}. Fix the selector or the nodes; nothing is retried until the spec changes");
        }

        var rows = nodes.SelectMany(n => n.Rows).ToList();
        if (!nodes.All(n => SurveyRows.Finished(n.Rows)))
        {
            var running = nodes.Where(n => !SurveyRows.Finished(n.Rows) && n.Rows[0].Reason != SurveyNodeDecision.WaitingForSlot && n.Rows[0].AgentPod.Length > 0).Select(n => n.Node).ToList();
            var waiting = nodes.Count(n => n.Rows[0].Reason == SurveyNodeDecision.WaitingForSlot);
            var phase = rows.All(r => r.Phase == BenchmarkPhase.Pending) ? BenchmarkPhase.Pending : BenchmarkPhase.Running;
            return new(phase, "Surveying", $"{survey.Progress} nodes done ({survey.Succeeded} succeeded, {survey.Failed} failed); agents on {(running.Count == 0 ? "no node yet" : string.Join(", ", running))}; {waiting} waiting for a slot");
        }

        var failed = nodes.Where(n => n.Rows.Any(r => r.Phase == BenchmarkPhase.Failed)).Select(n => $"{n.Node} ({n.Rows.First(r => r.Phase == BenchmarkPhase.Failed).Reason})").ToList();
        var extremes = survey.Fastest is null ? "" : $"; fastest {Describe(survey.Fastest)}, slowest {Describe(survey.Slowest!)}{(survey.Spread is null ? "" : $", spread {survey.Spread}")}";
        var where = $"; the index is in ConfigMap {index}, each node's document in its own";
        return rows.All(r => r.Phase == BenchmarkPhase.Succeeded)
            ? new(BenchmarkPhase.Succeeded, "SurveySucceeded", $"all {nodes.Count} nodes succeeded{extremes}{where}")
            : rows.Any(r => r.Phase == BenchmarkPhase.Succeeded)
                ? new(BenchmarkPhase.PartiallySucceeded, "PartiallySucceeded", $"{survey.Succeeded} of {nodes.Count} nodes succeeded; failed: {string.Join(", ", failed)}{extremes}{where}")
                : new(BenchmarkPhase.Failed, "AllNodesFailed", $"no node succeeded; failed: {string.Join(", ", failed)}{where}");
    }

    /// <summary>The <see cref="ConditionSet.AllNodesSucceeded"/> condition of a finished survey.</summary>
    public static BenchmarkCondition? AllNodesSucceeded(SurveyVerdict verdict, IReadOnlyList<SurveyNodeOutcome> nodes)
    {
        if (!BenchmarkPhase.IsFinished(verdict.Phase) || nodes.Count == 0)
        {
            return null;
        }

        var failed = nodes.SelectMany(n => n.Rows).Where(r => r.Phase == BenchmarkPhase.Failed).ToList();
        return failed.Count == 0
            ? new BenchmarkCondition { Type = ConditionSet.AllNodesSucceeded, Status = "True", Reason = "AllNodesSucceeded", Message = $"every row of the {nodes.Count} nodes succeeded" }
            : new BenchmarkCondition
            {
                Type = ConditionSet.AllNodesSucceeded,
                Status = "False",
                Reason = "NodesFailed",
                Message = string.Join("; ", failed.Select(r => $"{r.NodeName} ({r.Snapshotter}): {r.Reason}: {r.Message}")),
            };
    }

    private static SurveyExtreme Extreme(NodeBenchmarkStatus row) => new() { NodeName = row.NodeName ?? "", Snapshotter = row.Snapshotter, MedianSeconds = row.MedianSeconds ?? "" };

    private static string Describe(SurveyExtreme extreme) => $"{extreme.NodeName} ({extreme.Snapshotter}) {extreme.MedianSeconds} s";

    private static double? Seconds(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) ? seconds : null;
}
