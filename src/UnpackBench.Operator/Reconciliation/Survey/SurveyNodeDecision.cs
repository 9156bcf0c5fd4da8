using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>
/// Decides one survey node: nothing once its rows ended; a second pod after an eviction (once); failed
/// rows when its node is lost; otherwise exactly what a benchmark on one node decides about its agent
/// pod — create, wait, follow, finish — pinned to this node, with its rows in place of the status.
/// </summary>
internal static class SurveyNodeDecision
{
    /// <summary>Agent pods tried on one node: an evicted pod is retried once.</summary>
    public const int MaxAttempts = 2;

    /// <summary>Skipped until a slot is free: the node waits for one of the survey's agent pods to go.</summary>
    public const string WaitingForSlot = "WaitingForSlot";

    /// <summary>Decides <paramref name="node"/>, whose rows were <paramref name="rows"/>; <paramref name="canStart"/> says a pod may be created.</summary>
    public static SurveyNodeOutcome Decide(SurveyScope scope, string node, IReadOnlyList<NodeBenchmarkStatus> rows, bool canStart)
    {
        var recorded = new AgentSlot(node, rows[0].Attempts);
        if (scope.Previous is not null && SurveyRows.Finished(rows))
        {
            return new SurveyNodeOutcome(node, rows, ReconcilePlan.None, WantedPod: null);
        }

        var wanted = recorded.PodName(scope.Benchmark);
        var slot = recorded;
        var pod = scope.Pod(wanted);
        var plan = ReconcilePlan.None;
        if (pod is not null && IsEvicted(pod) && slot.Attempt < MaxAttempts)
        {
            slot = recorded with { Attempt = recorded.Attempt + 1 };
            var message = $"agent pod {pod.Metadata.Name} was evicted ({pod.Status.Message?.TrimEnd('.') ?? "no message"}); trying once more on node {node}";
            rows = [.. rows.Select(r => Reset(r, slot.Attempt, "Evicted", message))];
            plan = plan with { Events = [new BenchmarkEvent("Warning", EventReasons.AgentPodEvicted, $"node {node}: {message}")] };
            pod = scope.Pod(slot.PodName(scope.Benchmark));
        }

        var context = Context(scope, node, rows, slot, pod);
        if (SurveyNodeSelection.Unavailable(node, scope.Observed.Node(node)) is { } lost && (pod is null || !PodObservation.IsTerminal(pod)))
        {
            var (lostRows, lostPlan) = Lost(scope, context, lost.Reason, lost.Message);
            return new SurveyNodeOutcome(node, lostRows, lostPlan with { Events = [.. plan.Events, .. lostPlan.Events] }, wanted);
        }

        var decided = BenchmarkReconciler.DecideAgent(ReconcilePlan.None, context, scope.Observed.CreateFailure, scope.Options);
        if (decided.PodsToCreate.Count > 0 && !canStart)
        {
            var waiting = $"waiting for a free agent slot: at most {scope.Spec.MaxParallelNodes} agent pods run at once (spec.maxParallelNodes)";
            return new SurveyNodeOutcome(node, [.. rows.Select(r => r.Reason == "Evicted" ? r : Reset(r, slot.Attempt, WaitingForSlot, waiting))], plan, wanted);
        }

        var status = decided.Status ?? context.Previous;
        var (events, quiet) = Translate(node, decided.Events);
        plan = decided with
        {
            Status = null,
            Events = [.. plan.Events, .. events],
            QuietRuns = quiet,
            PodsToDeleteOnceRecorded = pod is not null && BenchmarkPhase.IsFinished(status.Phase) && !decided.PodsToDelete.Contains(pod) && pod.Metadata.DeletionTimestamp is null ? [pod] : [],
        };
        return new SurveyNodeOutcome(node, SurveyRows.From(status, scope.Snapshotters, slot.Attempt, context.Progress.Result), plan, wanted, status);
    }

    /// <summary>Whether Kubernetes evicted the pod (node pressure, or an API-initiated eviction the kubelet carried out).</summary>
    public static bool IsEvicted(V1Pod pod) => PodObservation.Phase(pod) == "Failed" && pod.Status?.Reason == "Evicted";

    private static StatusContext Context(SurveyScope scope, string node, IReadOnlyList<NodeBenchmarkStatus> rows, AgentSlot slot, V1Pod? pod)
    {
        var first = rows[0];
        var previous = SurveyRows.AsNodeStatus(rows, scope.Previous is null ? 0 : scope.Generation, scope.Spec.Runs);
        var benchmark = new Entities.V1Alpha1UnpackBenchmark { Metadata = scope.Benchmark.Metadata, Spec = scope.Spec, Status = previous };
        var facts = new NodeFacts(first.InstanceType, first.Zone, first.Kernel, first.ContainerdVersion);
        return new StatusContext(benchmark, scope.Generation, scope.Observed.Now, pod, scope.Observed.ProgressOf(slot.PodName(scope.Benchmark)), slot, facts, NodeFacts.Of(scope.Observed.Node(node)));
    }

    // The node is gone or NotReady while its agent runs (or before it started): its rows fail now, the
    // runs it logged are kept, and its pod is deleted at once — no kubelet would confirm a graceful delete.
    private static (IReadOnlyList<NodeBenchmarkStatus> Rows, ReconcilePlan Plan) Lost(SurveyScope scope, StatusContext context, string reason, string why)
    {
        var message = $"{why} after {context.CompletedRuns} of {scope.Spec.Runs} runs; the survey goes on without it";
        var document = BenchmarkReconciler.LostResult(context, why);
        var configMap = document is null ? null : ResultConfigMapBuilder.Build(context.Benchmark, document, partial: true, context.Slot);
        var status = context.Status(BenchmarkPhase.Failed, reason, message, configMap?.Metadata.Name, finished: true, partialBecause: document is null ? null : why);
        var plan = new ReconcilePlan
        {
            PodsToForceDelete = context.Pod is null ? [] : [context.Pod],
            ConfigMapToWrite = configMap,
            Events = [new BenchmarkEvent("Warning", reason, $"node {context.Slot.Node}: {message}")],
        };
        var agentPod = context.Pod?.Metadata.Name ?? context.Previous.Nodes[0].AgentPod;
        return ([.. SurveyRows.From(status, scope.Snapshotters, context.Slot.Attempt, document: null).Select(r => r with { AgentPod = agentPod })], plan);
    }

    private static NodeBenchmarkStatus Reset(NodeBenchmarkStatus row, int attempts, string reason, string message) => row with
    {
        Attempts = attempts,
        AgentPod = "",
        Phase = BenchmarkPhase.Pending,
        Reason = reason,
        Message = message,
        CompletedRuns = 0,
        MedianSeconds = null,
        P95Seconds = null,
        ThroughputMBps = null,
        CpuSeconds = null,
        MemoryPeakMB = null,
        ResultConfigMap = null,
    };

    // A survey reports runs in its rows and one event per node, not one per run (or per pod started).
    private static (List<BenchmarkEvent> Events, RunTally Quiet) Translate(string node, IReadOnlyList<BenchmarkEvent> events)
    {
        var kept = new List<BenchmarkEvent>();
        var quiet = default(RunTally);
        foreach (var e in events)
        {
            switch (e.Reason)
            {
                case EventReasons.Started:
                    break;
                case EventReasons.RunCompleted:
                    quiet = quiet.Add(new RunTally(1, 0));
                    break;
                case EventReasons.RunFailed:
                    quiet = quiet.Add(new RunTally(0, 1));
                    break;
                case EventReasons.Succeeded:
                    kept.Add(e with { Reason = EventReasons.NodeSucceeded, Message = $"node {node}: {e.Message}" });
                    break;
                default:
                    kept.Add(e with { Message = $"node {node}: {e.Message}" });
                    break;
            }
        }

        return (kept, quiet);
    }
}
