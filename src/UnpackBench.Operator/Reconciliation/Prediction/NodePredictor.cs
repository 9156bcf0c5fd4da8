using System.Globalization;
using k8s.Models;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>One node's prediction: its status row and, when it was predicted, the full prediction document.</summary>
/// <param name="Row">The status row.</param>
/// <param name="Document">The prediction, per layer and in total; null when the node was not predicted.</param>
public sealed record NodePrediction(NodePredictionStatus Row, PredictionDocument? Document);

/// <summary>
/// Predicts an image's unpack time on one node from the node's calibration and the image's counted features
/// (<see cref="PredictionMaker"/>, a pure function of the two), with the warnings of
/// <see cref="CalibrationWarnings"/> and the calibration's own (a layer far beyond what it measured).
/// </summary>
public static class NodePredictor
{
    /// <summary>Predicts <paramref name="features"/> on <paramref name="node"/> as <paramref name="spec"/> asks.</summary>
    public static NodePrediction Predict(V1Node node, CalibrationCatalog calibrations, ImageFeatures features, UnpackBenchmarkSpec spec, DateTimeOffset now)
    {
        var name = node.Metadata.Name;
        var snapshotter = spec.EffectiveSnapshotters[0];
        if (calibrations.For(name, snapshotter) is not { } calibration)
        {
            var message = calibrations.Unreadable(name) is { } why
                ? $"its calibration cannot be read ({why}): calibrate node {name} again"
                : $"no calibration of node {name} in this namespace: calibrate it with a benchmark of mode Calibrate whose nodeSelector matches it";
            return new NodePrediction(new NodePredictionStatus { NodeName = name, State = PredictionStates.NotCalibrated, Message = message }, null);
        }

        var conditions = calibration.Document.Conditions;
        var row = new NodePredictionStatus
        {
            NodeName = name,
            Calibration = calibration.ConfigMap,
            CalibratedAt = calibration.Document.CreatedAt,
            Snapshotter = conditions.Snapshotter,
            CacheMode = conditions.CacheMode,
            ContainerdVersion = conditions.ContainerdVersion,
            Kernel = conditions.Kernel,
        };
        PredictionDocument document;
        try
        {
            document = PredictionMaker.Make(calibration.Document, features, target: null, $"node {name}", now);
        }
        catch (PredictionException e)
        {
            return new NodePrediction(row with { State = PredictionStates.Failed, Message = $"{e.Message.TrimEnd('.')} (ConfigMap {calibration.ConfigMap})" }, null);
        }

        var warnings = CalibrationWarnings.For(calibration, node, snapshotter, features.Platform, (spec.Prediction ?? new PredictionSpec()).MaxCalibrationAgeDays, now);
        return new NodePrediction(
            row with
            {
                State = PredictionStates.Predicted,
                PredictedSeconds = Seconds(document.Total.Seconds),
                LowerSeconds = Seconds(document.Total.LowerSeconds),
                UpperSeconds = Seconds(document.Total.UpperSeconds),
                Warnings = [.. warnings, .. document.Warnings],
            },
            document with { Warnings = [.. warnings, .. document.Warnings] });
    }

    /// <summary>Seconds as status rows write them.</summary>
    public static string Seconds(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
