using System.Globalization;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Decides, from observed state only, what to do about one benchmark: create its agent pod if
/// missing, follow it, turn what it reports into status, and finish. Pure: the same observation gives
/// the same plan, and running a plan twice changes nothing the second time (names are derived,
/// statuses compared, events tied to transitions).
/// </summary>
public static class BenchmarkReconciler
{
    /// <summary>Decides the plan for <paramref name="observed"/>.</summary>
    public static ReconcilePlan Decide(ObservedBenchmark observed, OperatorOptions options)
    {
        var benchmark = observed.Benchmark;
        if (benchmark.Metadata.DeletionTimestamp is not null)
        {
            return ReconcilePlan.None; // Owner references take the pods and the ConfigMap with it.
        }

        var generation = benchmark.Metadata.Generation ?? 1;
        var podName = ObjectNames.AgentPod(benchmark);
        var stale = observed.Pods.Where(p => p.Metadata.Name != podName && p.Metadata.DeletionTimestamp is null).ToList();
        var pod = observed.Pods.FirstOrDefault(p => p.Metadata.Name == podName);
        var plan = new ReconcilePlan { PodsToDelete = stale };
        var context = new StatusContext(benchmark, generation, observed.Now, pod, observed.Progress);

        if (UnpackBenchmarkSpecValidator.Validate(benchmark.Spec) is { Count: > 0 } problems)
        {
            return Finish(plan, context, BenchmarkPhase.Failed, "InvalidSpec", $"the spec cannot be benchmarked: {string.Join("; ", problems)}. Fix the spec; nothing is retried until it changes", null);
        }

        // A finished generation stays finished, also while a pod it gave up on is being deleted.
        if (context.AlreadyFinished && (pod is null || PodObservation.IsTerminal(pod) || pod.Metadata.DeletionTimestamp is not null))
        {
            return plan;
        }

        if (pod is null)
        {
            return context.CreatedPodBefore(podName)
                ? Finish(plan, context, BenchmarkPhase.Failed, "AgentPodLost", $"agent pod {podName} disappeared after {context.CompletedRuns} of {benchmark.Spec.Runs} runs (deleted, evicted, or its node was lost); the completed runs are kept", LostResult(context, "the agent pod was lost"))
                : CreatePod(plan, context, options);
        }

        if (pod.Metadata.DeletionTimestamp is not null && !PodObservation.IsTerminal(pod))
        {
            return plan with { Status = context.Status(BenchmarkPhase.Running, "AgentPodTerminating", $"agent pod {podName} is being deleted; waiting for it to go") };
        }

        return PodObservation.Phase(pod) switch
        {
            "Pending" => Pending(plan, context, pod, options),
            "Running" => Running(plan, context, pod),
            _ => Ended(plan, context, pod),
        };
    }

    private static ReconcilePlan CreatePod(ReconcilePlan plan, StatusContext context, OperatorOptions options)
    {
        var pod = AgentPodBuilder.Build(context.Benchmark, options);
        var message = $"created agent pod {pod.Metadata.Name} for {context.Benchmark.Spec.Runs} runs of {context.Benchmark.Spec.Image}";
        return plan with
        {
            PodToCreate = pod,
            Status = context.Status(BenchmarkPhase.Pending, "AgentPodCreated", message),
            Events = [new BenchmarkEvent("Normal", "Started", message)],
        };
    }

    private static ReconcilePlan Pending(ReconcilePlan plan, StatusContext context, V1Pod pod, OperatorOptions options)
    {
        if (PodObservation.StartFailure(pod) is { } start)
        {
            return Finish(plan with { PodsToDelete = [.. plan.PodsToDelete, pod] }, context, BenchmarkPhase.Failed, "AgentStartFailed", $"the agent container cannot start ({start.Reason}): {start.Message}", null);
        }

        var waiting = PodObservation.Unschedulable(pod) is { } unschedulable
            ? ("Unschedulable", $"no node can run agent pod {pod.Metadata.Name}: {unschedulable.Message}. Check spec.nodeName, spec.nodeSelector and spec.tolerations", unschedulable.Since)
            : PodObservation.ImageProblem(pod) is { } image
                ? ("AgentImageUnavailable", $"the agent image cannot be pulled ({image.Reason}): {image.Message}", new DateTimeOffset(pod.Metadata.CreationTimestamp ?? context.Now.UtcDateTime, TimeSpan.Zero))
                : ((string, string, DateTimeOffset)?)null;
        if (waiting is null)
        {
            return plan with { Status = context.Status(BenchmarkPhase.Pending, "AgentPodPending", $"agent pod {pod.Metadata.Name} is starting") };
        }

        var (reason, message, since) = waiting.Value;
        var remaining = options.UnschedulableTimeout - (context.Now - since);
        return remaining <= TimeSpan.Zero
            ? Finish(plan with { PodsToDelete = [.. plan.PodsToDelete, pod] }, context, BenchmarkPhase.Failed, reason, $"{message} (gave up after {options.UnschedulableTimeout.TotalMinutes:0} minutes)", null)
            : plan with { Status = context.Status(BenchmarkPhase.Pending, reason, message), RequeueAfter = remaining };
    }

    private static ReconcilePlan Running(ReconcilePlan plan, StatusContext context, V1Pod pod)
    {
        var done = context.Progress.Runs.Count;
        var stage = context.Progress.Image is null ? "acquiring the image" : $"{done} of {context.Benchmark.Spec.Runs} runs done";
        return plan with
        {
            FollowLogsOf = pod,
            Status = context.Status(BenchmarkPhase.Running, "Running", $"agent pod {pod.Metadata.Name} on node {pod.Spec.NodeName}: {stage}"),
            Events = context.RunEvents(),
        };
    }

    private static ReconcilePlan Ended(ReconcilePlan plan, StatusContext context, V1Pod pod)
    {
        var progress = context.Progress;
        if (!progress.LogComplete && progress.LogError is null)
        {
            // The log may hold runs and the result not read yet; finish once it has been read to its end.
            return Running(plan, context, pod) with { FollowLogsOf = pod };
        }

        var termination = AgentTermination.TryParse(PodObservation.Terminated(pod)?.Message);
        var result = progress.Result ?? LostResult(context, "the agent did not write a result document");
        if (PodObservation.Phase(pod) == "Succeeded" && progress.Result is { } document)
        {
            var median = document.Summary.MedianDurationSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "–";
            var message = $"median {median} s over {document.Summary.SuccessfulRuns} successful of {document.Runs.Count} runs on node {pod.Spec.NodeName}; the full result is in ConfigMap {ObjectNames.ResultConfigMap(context.Benchmark)}";
            return Finish(plan, context, BenchmarkPhase.Succeeded, "BenchmarkSucceeded", message, document);
        }

        // When Kubernetes stopped the pod (deadline, eviction) the agent only saw SIGTERM and says Incomplete: the cause is Kubernetes'.
        var agentReason = progress.FailureReason ?? termination?.Reason;
        var (reason, why) = PodObservation.KubernetesFailure(pod) is { } kubernetes && agentReason is null or AgentFailureReasons.Incomplete
            ? Explain(kubernetes, context)
            : progress.FailureReason is { } failed
                ? (failed, progress.FailureMessage ?? failed)
                : termination?.Reason is { } terminated
                    ? (terminated, termination.Message)
                    : ("AgentFailed", $"the agent exited with code {PodObservation.Terminated(pod)?.ExitCode}{(progress.LogError is null ? "" : $" and its log could not be read ({progress.LogError})")}");
        return Finish(plan, context, BenchmarkPhase.Failed, reason, why, result);
    }

    private static (string Reason, string Message) Explain((string Reason, string Message) failure, StatusContext context) => failure.Reason == "DeadlineExceeded"
        ? ("DeadlineExceeded", $"the benchmark did not finish within spec.timeoutSeconds ({context.Benchmark.Spec.TimeoutSeconds} s); {context.CompletedRuns} of {context.Benchmark.Spec.Runs} runs completed and are kept. Raise timeoutSeconds or lower runs")
        : failure;

    private static ReconcilePlan Finish(ReconcilePlan plan, StatusContext context, string phase, string reason, string message, Core.Results.BenchmarkResult? result)
    {
        var configMap = result is null ? null : ResultConfigMapBuilder.Build(context.Benchmark, result);
        var status = context.Status(phase, reason, message, configMap?.Metadata.Name, finished: true);
        var events = context.RunEvents().ToList();
        if (!context.AlreadyFinished || context.PreviousReason != reason)
        {
            events.Add(new BenchmarkEvent(phase == BenchmarkPhase.Succeeded ? "Normal" : "Warning", phase == BenchmarkPhase.Succeeded ? "Succeeded" : reason, message));
        }

        return plan with { ConfigMapToWrite = configMap, Status = status, Events = events };
    }

    private static Core.Results.BenchmarkResult? LostResult(StatusContext context, string why) =>
        PartialResultBuilder.Build(context.Benchmark, context.Progress, context.Pod?.Spec.NodeName ?? context.Previous.NodeName, why, context.StartTime ?? context.Now);
}
