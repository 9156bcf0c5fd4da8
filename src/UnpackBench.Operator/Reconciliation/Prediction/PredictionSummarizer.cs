using System.Globalization;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>The verdict of a prediction.</summary>
/// <param name="Phase">Succeeded, PartiallySucceeded or Failed.</param>
/// <param name="Reason">A CamelCase reason.</param>
/// <param name="Message">A sentence.</param>
public sealed record PredictionVerdict(string Phase, string Reason, string Message);

/// <summary>
/// Sums a prediction's rows up, in the survey section the Nodes and Spread columns read (nodes matched,
/// predicted, not predicted, fastest and slowest by predicted time, the spread) and in the prediction section
/// (the range of predicted times, the Predicted column); and decides its phase: Succeeded when every matched
/// node was predicted, PartiallySucceeded when some were, Failed when none was.
/// </summary>
public static class PredictionSummarizer
{
    /// <summary>The survey section: counts, fastest, slowest, spread.</summary>
    public static SurveyStatus Survey(IReadOnlyList<NodePredictionStatus> rows)
    {
        var predicted = Predicted(rows);
        return new SurveyStatus
        {
            Nodes = rows.Count,
            Succeeded = predicted.Count,
            Failed = rows.Count - predicted.Count,
            Progress = string.Create(CultureInfo.InvariantCulture, $"{predicted.Count}/{rows.Count}"),
            Fastest = predicted.Count == 0 ? null : Extreme(predicted[0]),
            Slowest = predicted.Count == 0 ? null : Extreme(predicted[^1]),
            Spread = predicted.Count < 2 || Seconds(predicted[0]) is not > 0 ? null : (Seconds(predicted[^1]) / Seconds(predicted[0])).ToString("0.00", CultureInfo.InvariantCulture),
        };
    }

    /// <summary>The prediction section: the range of predicted times, the interval's level, how many rows warn.</summary>
    public static PredictionStatus Prediction(IReadOnlyList<NodePredictionStatus> rows)
    {
        var predicted = Predicted(rows);
        return new PredictionStatus
        {
            Range = predicted.Count == 0 ? null
                : predicted[0].PredictedSeconds == predicted[^1].PredictedSeconds ? predicted[0].PredictedSeconds
                : $"{predicted[0].PredictedSeconds}–{predicted[^1].PredictedSeconds}",
            ConfidenceLevel = UnpackPredictor.ConfidenceLevel.ToString("0.00", CultureInfo.InvariantCulture),
            Warned = predicted.Count(r => r.Warnings.Count > 0),
        };
    }

    /// <summary>The prediction's phase, reason and message; <paramref name="configMap"/> holds the details.</summary>
    public static PredictionVerdict Verdict(IReadOnlyList<NodePredictionStatus> rows, string configMap)
    {
        if (rows.Count == 0)
        {
            return new(BenchmarkPhase.Failed, "NoNodes", "no node matches spec.nodeSelector: fix the selector; nothing is retried until the spec changes");
        }

        var predicted = Predicted(rows);
        var missing = rows.Where(r => r.State != PredictionStates.Predicted).Select(r => $"{r.NodeName} ({r.State})").ToList();
        var warned = predicted.Count(r => r.Warnings.Count > 0);
        var range = predicted.Count == 0 ? "" : $"{Prediction(rows).Range} s";
        var where = $"; every node's prediction and the image's counted features are in ConfigMap {configMap}";
        var caveat = warned == 0 ? "" : $", {warned} with warnings (status.predictions)";
        return predicted.Count == rows.Count
            ? new(BenchmarkPhase.Succeeded, "Predicted", $"predicted {range} on all {rows.Count} nodes{caveat}{where}")
            : predicted.Count > 0
                ? new(BenchmarkPhase.PartiallySucceeded, "PartiallyPredicted", $"predicted {range} on {predicted.Count} of {rows.Count} nodes{caveat}; not predicted: {string.Join(", ", missing)}{where}")
                : new(BenchmarkPhase.Failed, "NoCalibrations", $"none of the {rows.Count} matched nodes could be predicted: {string.Join(", ", missing)}. Calibrate them with a benchmark of mode Calibrate in this namespace, then change this spec (or re-create it) to predict again");
    }

    /// <summary>The <see cref="ConditionSet.AllNodesSucceeded"/> condition: True when every matched node was predicted.</summary>
    public static BenchmarkCondition? AllNodesPredicted(IReadOnlyList<NodePredictionStatus> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var missing = rows.Where(r => r.State != PredictionStates.Predicted).ToList();
        return missing.Count == 0
            ? new BenchmarkCondition { Type = ConditionSet.AllNodesSucceeded, Status = "True", Reason = "AllNodesPredicted", Message = $"every one of the {rows.Count} matched nodes was predicted" }
            : new BenchmarkCondition { Type = ConditionSet.AllNodesSucceeded, Status = "False", Reason = "NodesNotPredicted", Message = string.Join("; ", missing.Select(r => $"{r.NodeName}: {r.State}: {r.Message}")) };
    }

    private static List<NodePredictionStatus> Predicted(IReadOnlyList<NodePredictionStatus> rows) => rows
        .Where(r => r.State == PredictionStates.Predicted)
        .OrderBy(Seconds)
        .ThenBy(r => r.NodeName, StringComparer.Ordinal)
        .ToList();

    private static SurveyExtreme Extreme(NodePredictionStatus row) => new() { NodeName = row.NodeName, Snapshotter = row.Snapshotter, MedianSeconds = row.PredictedSeconds ?? "" };

    private static double Seconds(NodePredictionStatus row) => double.Parse(row.PredictedSeconds!, NumberStyles.Float, CultureInfo.InvariantCulture);
}
