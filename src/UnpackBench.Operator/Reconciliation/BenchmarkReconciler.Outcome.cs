using System.Globalization;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>Decisions once the agent has exited: the verdict from its log, or from its termination message when the log cannot be read.</summary>
public static partial class BenchmarkReconciler
{
    private static ReconcilePlan Ended(ReconcilePlan plan, StatusContext context, V1Pod pod)
    {
        var progress = context.Progress;
        if (!progress.LogComplete && !progress.LogUnavailable)
        {
            // The log may hold runs and the result not read yet; finish once it has been read to its end
            // (or a read after the agent exited failed too).
            return Running(plan, context, pod) with { FollowLogsOf = pod };
        }

        if (context.Benchmark.Spec.Mode != BenchmarkMode.Benchmark)
        {
            return EndedWithDocument(plan, context, pod);
        }

        var termination = context.Termination;
        if (PodObservation.Phase(pod) == "Succeeded" && progress.Result is { } document)
        {
            var median = document.Summary.MedianDurationSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";
            var message = $"median {median} s over {document.Summary.SuccessfulRuns} successful of {document.Runs.Count} runs on node {pod.Spec.NodeName}; the full result is in ConfigMap {context.ResultConfigMapName}";
            return Finish(plan, context, BenchmarkPhase.Succeeded, "BenchmarkSucceeded", message, document);
        }

        if (PodObservation.Phase(pod) == "Succeeded" && termination is { Outcome: AgentOutcomes.Succeeded })
        {
            return SucceededFromTermination(plan, context, pod, termination);
        }

        var (reason, why) = Failure(context, pod);
        if (progress.Result is { } partial)
        {
            return Finish(plan, context, BenchmarkPhase.Failed, reason, why, partial);
        }

        var lostWhy = progress.LogError is null ? "the agent did not write a result document" : $"the agent's log could not be read ({progress.LogError})";
        return termination is { SuccessfulRuns: not null }
            ? Finish(plan, context, BenchmarkPhase.Failed, reason, why, PartialResultBuilder.FromTermination(context.Benchmark, termination, progress, pod.Spec.NodeName, lostWhy, context.StartTime ?? context.Now), lostWhy)
            : Finish(plan, context, BenchmarkPhase.Failed, reason, why, LostResult(context, lostWhy), lostWhy);
    }

    // Why the agent failed: when Kubernetes stopped the pod (deadline, eviction, someone deleting it) the agent
    // only saw SIGTERM and says Incomplete, so the cause is Kubernetes'; otherwise the agent's own reason.
    private static (string Reason, string Message) Failure(StatusContext context, V1Pod pod)
    {
        var progress = context.Progress;
        var termination = context.Termination;
        var agentReason = progress.FailureReason ?? termination?.Reason;
        return PodObservation.KubernetesFailure(pod) is { } kubernetes && agentReason is null or AgentFailureReasons.Incomplete
            ? Explain(kubernetes, context)
            : pod.Metadata.DeletionTimestamp is not null && agentReason is null or AgentFailureReasons.Incomplete
                ? ("AgentPodLost", $"agent pod {pod.Metadata.Name} was deleted after {context.CompletedRuns} of {context.Benchmark.Spec.Runs} runs; the completed runs are kept")
                : progress.FailureReason is { } failed
                ? (failed, progress.FailureMessage ?? failed)
                : termination?.Reason is { } terminated
                    ? (terminated, termination.Message)
                    : ("AgentFailed", $"the agent exited with code {PodObservation.Terminated(pod)?.ExitCode}{(progress.LogError is null ? "" : $" and its log could not be read ({progress.LogError})")}");
    }

    // The log (with the full document) is out of reach, e.g. the API server cannot reach the kubelet;
    // the termination message carries the verdict and the figures on its own.
    private static ReconcilePlan SucceededFromTermination(ReconcilePlan plan, StatusContext context, V1Pod pod, AgentTerminationMessage termination)
    {
        var because = $"the agent's log could not be read ({context.Progress.LogError}), so the summary and per-run durations come from its termination message";
        var result = PartialResultBuilder.FromTermination(context.Benchmark, termination, context.Progress, pod.Spec.NodeName, because, context.StartTime ?? context.Now);
        var median = termination.MedianSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";
        var message = $"median {median} s over {termination.SuccessfulRuns} successful of {result.Runs.Count} runs on node {pod.Spec.NodeName}; the agent's log could not be read, so ConfigMap {context.ResultConfigMapName} holds a partial result (no samples, layers or environment)";
        return Finish(plan, context, BenchmarkPhase.Succeeded, "BenchmarkSucceeded", message, result, because);
    }

    private static (string Reason, string Message) Explain((string Reason, string Message) failure, StatusContext context) => failure.Reason != "DeadlineExceeded"
        ? failure
        : context.Benchmark.Spec.Mode == BenchmarkMode.Benchmark
            ? ("DeadlineExceeded", $"the benchmark did not finish within spec.timeoutSeconds ({context.Benchmark.Spec.TimeoutSeconds} s); {context.CompletedRuns} of {context.Benchmark.Spec.Runs} runs completed and are kept. Raise timeoutSeconds or lower runs")
            : ("DeadlineExceeded", $"the agent did not finish within spec.timeoutSeconds ({context.Benchmark.Spec.TimeoutSeconds} s) and reported nothing (it reports only at its end). Raise timeoutSeconds{(context.Benchmark.Spec.Mode == BenchmarkMode.Calibrate ? ", or lower spec.calibration.runs" : "")}");
}
