using System.Globalization;
using k8s.Models;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Reconciliation.Calibration;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Decisions once a calibrating agent (or a prediction's counting agent) has exited. Its document — a
/// calibration of tens of kilobytes, an image's features — reaches the operator only through its log: a
/// termination message holds 4096 bytes, so when the log cannot be read the node fails with that reason.
/// </summary>
public static partial class BenchmarkReconciler
{
    private static ReconcilePlan EndedWithDocument(ReconcilePlan plan, StatusContext context, V1Pod pod)
    {
        var succeeded = PodObservation.Phase(pod) == "Succeeded";
        if (succeeded && context.Benchmark.Spec.Mode == BenchmarkMode.Calibrate && context.Progress.Calibration is { } calibration)
        {
            var node = context.Slot.Node ?? pod.Spec.NodeName;
            var configMap = CalibrationConfigMapBuilder.Build(context.Benchmark, node, calibration, context.NodeNow);
            return FinishWith(plan, context, BenchmarkPhase.Succeeded, "Calibrated", Calibrated(node, calibration, configMap.Metadata.Name), configMap);
        }

        // A prediction's counted features are taken up before this decision; here they did not arrive either.
        var (reason, why) = succeeded || context.Termination is { Outcome: AgentOutcomes.Succeeded }
            ? Unreported(context)
            : Failure(context, pod);
        return FinishWith(plan, context, BenchmarkPhase.Failed, reason, why, configMap: null);
    }

    private static (string Reason, string Message) Unreported(StatusContext context)
    {
        var what = context.Benchmark.Spec.Mode == BenchmarkMode.Calibrate ? "its calibration" : "the image's counted features";
        return context.Progress.LogError is { } error
            ? ("AgentLogUnavailable", $"the agent succeeded, but its log could not be read ({error}); {what} reach the operator only through the log (a termination message holds {AgentTerminationMessage.MaxBytes} bytes). Let the API server reach the node's kubelet (kubectl logs must work) and run it again")
            : ("AgentFailed", $"the agent exited successfully without reporting {what} in its log; check that the agent image is as new as the operator");
    }

    private static string Calibrated(string node, CalibrationDocument calibration, string configMap)
    {
        var error = calibration.TrainingError.CrossValidation is { } crossValidation
            ? string.Create(CultureInfo.InvariantCulture, $", median error on images left out {crossValidation.MedianAbsoluteRelativeError:P0}")
            : "";
        var drift = calibration.Stability is { Stable: false } drifted ? $"; warning: {CalibrationDrift.Warning(drifted)}" : "";
        return $"calibrated node {node} with the {calibration.Set} set ({calibration.Observations.Count} layers{error}); the calibration is in ConfigMap {configMap}{drift}";
    }

    private static string DocumentStage(StatusContext context) => context.Benchmark.Spec.Mode == BenchmarkMode.Calibrate
        ? $"calibrating with the {context.Benchmark.Spec.Calibration?.Set ?? CalibrationSets.Standard} set"
        : "counting the image's layers";
}
