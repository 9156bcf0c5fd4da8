using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Reconciliation.Prediction;
using UnpackBench.Operator.Reconciliation.Survey;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Decides, from observed state only, what to do about one benchmark: create its agent pod if
/// missing, follow it, turn what it reports into status, finish, and clean up when it is deleted.
/// Pure: the same observation gives the same plan, and running a plan twice changes nothing the
/// second time (names are derived, statuses compared, events tied to transitions).
/// </summary>
public static partial class BenchmarkReconciler
{
    /// <summary>Decides the plan for <paramref name="observed"/>.</summary>
    public static ReconcilePlan Decide(ObservedBenchmark observed, OperatorOptions options)
    {
        var benchmark = observed.Benchmark;
        if (benchmark.Metadata.DeletionTimestamp is not null)
        {
            return Deleting(observed);
        }

        var valid = UnpackBenchmarkSpecValidator.Validate(benchmark.Spec).Count == 0;
        var plan = !valid ? DecideOneNode(observed, options)
            : benchmark.Spec.Mode == BenchmarkMode.Predict ? PredictionReconciler.Decide(observed, options)
            : benchmark.Spec.Placement == BenchmarkPlacement.EachNode ? SurveyReconciler.Decide(observed, options)
            : DecideOneNode(observed, options);
        return plan with { ConfigMapsToDelete = StaleNodeConfigMaps(observed) };
    }

    /// <summary>Whether <paramref name="pod"/> is an agent still running or about to (not finished, not being deleted).</summary>
    internal static bool IsActive(V1Pod pod) => !PodObservation.IsTerminal(pod) && pod.Metadata.DeletionTimestamp is null;

    /// <summary>The plan of a benchmark with one agent pod, anywhere the scheduler puts it (a prediction's counting agent too).</summary>
    internal static ReconcilePlan DecideOneNode(ObservedBenchmark observed, OperatorOptions options)
    {
        var benchmark = observed.Benchmark;
        var podName = ObjectNames.AgentPod(benchmark);
        var pod = observed.Pods.FirstOrDefault(p => p.Metadata.Name == podName);
        var context = new StatusContext(benchmark, benchmark.Metadata.Generation ?? 1, observed.Now, pod, observed.Progress, facts: NodeFacts.Of(observed.Node(pod?.Spec?.NodeName)));
        var plan = new ReconcilePlan { PodsToDelete = observed.Pods.Where(p => p.Metadata.Name != podName && p.Metadata.DeletionTimestamp is null).ToList() };
        if (UnpackBenchmarkSpecValidator.Validate(benchmark.Spec) is { Count: > 0 } problems)
        {
            plan = Finish(plan, context, BenchmarkPhase.Failed, "InvalidSpec", $"the spec cannot be benchmarked: {string.Join("; ", problems)}. Fix the spec; nothing is retried until it changes", null);
        }
        else
        {
            plan = DecideAgent(plan, context, observed.CreateFailure, options);
        }

        // One row per snapshotter, each with its own figures once the agent's document has them.
        if (plan.Status is { } status)
        {
            plan = plan with { Status = status with { Nodes = SurveyRows.From(status, SnapshotterResults.Requested(benchmark.Spec), 1, context.Progress.Result) } };
        }

        var podActive = pod is not null && IsActive(pod) && !plan.PodsToDelete.Contains(pod);
        return WithFinalizer(plan, context, podActive);
    }

    // Per-node documents of an older generation (a survey that was restarted, or one that became a benchmark on one node).
    private static List<V1ConfigMap> StaleNodeConfigMaps(ObservedBenchmark observed) => observed.ConfigMaps
        .Where(c => c.Metadata.Labels?.ContainsKey(ObjectNames.NodeLabel) == true && ResultConfigMapBuilder.GenerationOf(c) is { } generation && generation < (observed.Benchmark.Metadata.Generation ?? 1))
        .ToList();

    /// <summary>The decision about one agent slot's pod: create it, wait for it, follow it, or finish from what it reported.</summary>
    internal static ReconcilePlan DecideAgent(ReconcilePlan plan, StatusContext context, PodCreateFailure? createFailure, OperatorOptions options)
    {
        var benchmark = context.Benchmark;
        var pod = context.Pod;

        // A finished generation stays finished, also while a pod it gave up on is being deleted.
        if (context.AlreadyFinished && (pod is null || PodObservation.IsTerminal(pod) || pod.Metadata.DeletionTimestamp is not null))
        {
            return plan;
        }

        if (pod is null)
        {
            var podName = context.Slot.PodName(benchmark);
            return context.CreatedPodBefore(podName)
                ? Finish(plan, context, BenchmarkPhase.Failed, "AgentPodLost", $"agent pod {podName} disappeared after {context.CompletedRuns} of {benchmark.Spec.Runs} runs (deleted, evicted, or its node was lost); the completed runs are kept", LostResult(context, "the agent pod was lost"), "the agent pod was lost")
                : CreatePod(plan, context, createFailure is { } failure && failure.Generation == context.Generation ? failure : null, options);
        }

        if (pod.Metadata.DeletionTimestamp is not null && !PodObservation.IsTerminal(pod))
        {
            return Terminating(plan, context, pod, options);
        }

        return PodObservation.Phase(pod) switch
        {
            "Pending" => Pending(plan, context, pod, options),
            "Running" => Running(plan, context, pod),
            _ => Ended(plan, context, pod),
        };
    }

    // The finalizer is on while an agent pod may run, so deleting the benchmark stops it at once; it is
    // off once none runs, so a stopped operator never holds up deleting a finished benchmark.
    internal static ReconcilePlan WithFinalizer(ReconcilePlan plan, StatusContext context, bool podActive)
    {
        var on = BenchmarkFinalizer.IsOn(context.Benchmark);
        var finished = BenchmarkPhase.IsFinished(plan.Status?.Phase) || (plan.Status is null && context.AlreadyFinished);
        return plan with
        {
            Finalizer = !on && !finished && (plan.PodsToCreate.Count > 0 || podActive) ? FinalizerChange.Add
                : on && finished && !podActive ? FinalizerChange.Remove
                : FinalizerChange.None,
        };
    }

    // Deleting a benchmark that carries the finalizer: stop its agent pods, then let it go.
    private static ReconcilePlan Deleting(ObservedBenchmark observed) => BenchmarkFinalizer.IsOn(observed.Benchmark)
        ? new ReconcilePlan { PodsToDelete = observed.Pods.Where(p => p.Metadata.DeletionTimestamp is null && !PodObservation.IsTerminal(p)).ToList(), Finalizer = FinalizerChange.Remove }
        : ReconcilePlan.None;

    private static ReconcilePlan CreatePod(ReconcilePlan plan, StatusContext context, PodCreateFailure? failure, OperatorOptions options)
    {
        var pod = AgentPodBuilder.Build(context.Benchmark, options, context.Slot);
        if (failure is not null)
        {
            // The API refused the pod: say why (in its words) and try again after a capped backoff.
            var retryIn = failure.At + failure.RetryAfter - context.Now;
            var message = $"the API server refused agent pod {pod.Metadata.Name} (HTTP {failure.StatusCode}): {failure.Message.TrimEnd('.')}. Fix the cause; the operator tries again every {failure.RetryAfter.TotalSeconds:0} s (refused {failure.Attempts} times)";
            // No pod exists, so the status names none: a named pod that is missing counts as lost.
            var pending = context.Status(BenchmarkPhase.Pending, failure.Reason, message);
            var status = pending with { Nodes = [.. pending.Nodes.Select(n => n with { AgentPod = "" })] };
            var refused = plan with { Status = status, Events = [new BenchmarkEvent("Warning", failure.Reason, message)] };
            return retryIn > TimeSpan.Zero ? refused with { RequeueAfter = retryIn } : refused with { PodToCreate = pod };
        }

        // The status is already what a starting pod shows, so the pod's first appearance costs no write.
        var created = $"created agent pod {pod.Metadata.Name} for {context.Benchmark.Spec.Runs} runs of {context.Benchmark.Spec.Image}";
        return plan with
        {
            PodToCreate = pod,
            Status = context.Status(BenchmarkPhase.Pending, "AgentPodPending", StartingMessage(pod)),
            Events = [new BenchmarkEvent("Normal", EventReasons.Started, created)],
        };
    }

    private static ReconcilePlan Finish(ReconcilePlan plan, StatusContext context, string phase, string reason, string message, BenchmarkResult? result, string? partialBecause = null) =>
        FinishWith(plan, context, phase, reason, message, result is null ? null : ResultConfigMapBuilder.Build(context.Benchmark, result, partialBecause is not null, context.Slot), partialBecause);

    // Ends the generation (or a survey node) in phase, with configMap as its result.
    private static ReconcilePlan FinishWith(ReconcilePlan plan, StatusContext context, string phase, string reason, string message, V1ConfigMap? configMap, string? partialBecause = null)
    {
        var status = context.Status(phase, reason, message, configMap?.Metadata.Name, finished: true, partialBecause);
        var events = context.RunEvents().ToList();
        if (!context.AlreadyFinished || context.PreviousReason != reason)
        {
            events.Add(new BenchmarkEvent(phase == BenchmarkPhase.Succeeded ? "Normal" : "Warning", phase == BenchmarkPhase.Succeeded ? EventReasons.Succeeded : reason, message));
        }

        return plan with { ConfigMapToWrite = configMap, Status = status, Events = events };
    }

    // Only a benchmark's runs make a partial document; a calibration or a count is whole or nothing.
    internal static BenchmarkResult? LostResult(StatusContext context, string why) => context.Benchmark.Spec.Mode != BenchmarkMode.Benchmark ? null :
        PartialResultBuilder.Build(context.Benchmark, context.Progress, context.Pod?.Spec.NodeName ?? context.Previous.NodeName, why, context.StartTime ?? context.Now);
}
