using System.Globalization;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>
/// Decides a survey (<c>placement: EachNode</c>) from observed state: fixes its nodes when a generation
/// starts (matching, minus the skipped), decides each node as a benchmark on one node pinned there,
/// starts agent pods in node order while fewer than <c>maxParallelNodes</c> of the benchmark's pods
/// exist (a pod counts until it is gone from the API, whatever its generation), deletes each pod once
/// its node's rows are recorded as ended, and sums the rows up into the survey's status and index.
/// </summary>
public static class SurveyReconciler
{
    private static readonly TimeSpan NodesRetry = TimeSpan.FromSeconds(5);

    /// <summary>Decides the plan for the survey in <paramref name="observed"/>.</summary>
    public static ReconcilePlan Decide(ObservedBenchmark observed, OperatorOptions options)
    {
        var scope = new SurveyScope(observed, options);
        var context = new StatusContext(observed.Benchmark, scope.Generation, observed.Now, pod: null, AgentProgress.Empty);
        if (scope.Previous is null && observed.Nodes is null)
        {
            return WaitingForNodes(scope, context);
        }

        var (nodes, skipped) = scope.Previous is { } previous ? Recorded(previous) : Start(scope);
        var free = scope.Spec.MaxParallelNodes - observed.Pods.Count;
        var outcomes = new List<SurveyNodeOutcome>();
        foreach (var (node, rows) in nodes)
        {
            var outcome = SurveyNodeDecision.Decide(scope, node, rows, canStart: free > 0);
            free -= outcome.Plan.PodsToCreate.Count;
            outcomes.Add(outcome);
        }

        var plan = outcomes.Aggregate(ReconcilePlan.None, (merged, o) => Merge(merged, o.Plan));
        var wanted = outcomes.Select(o => o.WantedPod).OfType<string>().ToHashSet(StringComparer.Ordinal);
        plan = plan with
        {
            PodsToDelete = [.. observed.Pods.Where(p => !wanted.Contains(p.Metadata.Name) && p.Metadata.DeletionTimestamp is null && !plan.PodsToForceDelete.Contains(p))],
        };
        plan = WithStatus(plan, scope, context, outcomes, skipped);
        var podActive = observed.Pods.Any(p => BenchmarkReconciler.IsActive(p) && !plan.PodsToDelete.Contains(p) && !plan.PodsToForceDelete.Contains(p) && !plan.PodsToDeleteOnceRecorded.Contains(p));
        return BenchmarkReconciler.WithFinalizer(plan, context, podActive);
    }

    private static ReconcilePlan WithStatus(ReconcilePlan plan, SurveyScope scope, StatusContext context, List<SurveyNodeOutcome> outcomes, IReadOnlyList<SkippedNode> skipped)
    {
        var survey = SurveySummarizer.Summarize(outcomes, skipped);
        var index = ObjectNames.ResultConfigMap(scope.Benchmark);
        var verdict = SurveySummarizer.Verdict(outcomes, survey, index);
        var finished = BenchmarkPhase.IsFinished(verdict.Phase);
        var completed = outcomes.Sum(o => o.Rows[0].CompletedRuns);
        var total = scope.Spec.Mode == BenchmarkMode.Calibrate ? 0 : scope.Spec.Runs * outcomes.Count;
        var status = new UnpackBenchmarkStatus
        {
            Phase = verdict.Phase,
            ObservedGeneration = scope.Generation,
            Conditions = ConditionSet.For(verdict.Phase, verdict.Reason, verdict.Message, scope.Generation, context.Previous.Conditions, context.Now, SurveySummarizer.AllNodesSucceeded(verdict, outcomes)),
            StartTime = scope.Previous?.StartTime ?? context.Now,
            CompletionTime = finished ? scope.Previous?.CompletionTime ?? context.Now : null,
            CompletedRuns = completed,
            Runs = total,
            // A calibration counts no runs; its nodes (the Nodes column) say how far it got.
            Progress = scope.Spec.Mode == BenchmarkMode.Calibrate ? "" : string.Create(CultureInfo.InvariantCulture, $"{completed}/{total}"),
            ResultConfigMap = finished && outcomes.Count > 0 ? index : null,
            Image = outcomes.Select(o => o.NodeStatus?.Image).FirstOrDefault(i => i is not null) ?? scope.Previous?.Image,
            Nodes = [.. outcomes.SelectMany(o => o.Rows)],
            Survey = survey,
        };
        var events = new List<BenchmarkEvent>();
        if (scope.Previous is null)
        {
            var each = scope.Spec.Mode == BenchmarkMode.Calibrate ? $"a calibration with the {scope.Spec.Calibration?.Set ?? Core.Prediction.CalibrationSets.Standard} set" : $"{scope.Spec.Runs} runs of {scope.Spec.Image}";
            events.Add(new BenchmarkEvent("Normal", EventReasons.Started, $"surveying {outcomes.Count} nodes ({skipped.Count} skipped) with at most {scope.Spec.MaxParallelNodes} agent pods at once, {each} each"));
        }

        events.AddRange(plan.Events);
        if (finished && (!context.AlreadyFinished || context.PreviousReason != verdict.Reason))
        {
            events.Add(new BenchmarkEvent(verdict.Phase == BenchmarkPhase.Succeeded ? "Normal" : "Warning", verdict.Phase == BenchmarkPhase.Succeeded ? EventReasons.Succeeded : verdict.Reason, verdict.Message));
        }

        return plan with
        {
            Status = status,
            StatusIsProgress = events.Count == 0 && SurveyProgress.OnlyProgressed(scope.Previous, status),
            Events = events,
            ConfigMapsToWrite = status.ResultConfigMap is null ? plan.ConfigMapsToWrite : [.. plan.ConfigMapsToWrite, SurveyIndexBuilder.Build(scope.Benchmark, status)],
        };
    }

    // The nodes of a generation's survey are fixed when it starts: those the status recorded.
    private static (List<(string Node, IReadOnlyList<NodeBenchmarkStatus> Rows)> Nodes, IReadOnlyList<SkippedNode> Skipped) Recorded(UnpackBenchmarkStatus previous) =>
        ([.. previous.Nodes.GroupBy(r => r.NodeName ?? "").Select(g => (g.Key, (IReadOnlyList<NodeBenchmarkStatus>)[.. g]))], previous.Survey!.SkippedNodes);

    private static (List<(string Node, IReadOnlyList<NodeBenchmarkStatus> Rows)> Nodes, IReadOnlyList<SkippedNode> Skipped) Start(SurveyScope scope)
    {
        var (selected, skipped) = SurveyNodeSelection.Select(scope.Spec, scope.Observed.Nodes!);
        var nodes = selected
            .Select(n => (n.Metadata.Name, SurveyRows.Fresh(n.Metadata.Name, NodeFacts.Of(n), scope.Snapshotters, SurveyNodeDecision.WaitingForSlot, "waiting for the survey to start this node")))
            .ToList();
        return (nodes, skipped);
    }

    private static ReconcilePlan WaitingForNodes(SurveyScope scope, StatusContext context)
    {
        const string message = "waiting for the operator's list of the cluster's nodes: it needs get, list and watch on nodes (config/rbac)";
        // No survey section yet: the nodes are chosen, and the survey starts, once they can be listed.
        var status = context.Status(BenchmarkPhase.Pending, "WaitingForNodes", message) with { Nodes = [], Survey = null };
        return new ReconcilePlan
        {
            PodsToDelete = [.. scope.Observed.Pods.Where(p => p.Metadata.DeletionTimestamp is null)],
            Status = status,
            RequeueAfter = NodesRetry,
        };
    }

    private static ReconcilePlan Merge(ReconcilePlan merged, ReconcilePlan node) => merged with
    {
        PodsToForceDelete = [.. merged.PodsToForceDelete, .. node.PodsToForceDelete],
        PodsToDeleteOnceRecorded = [.. merged.PodsToDeleteOnceRecorded, .. node.PodsToDeleteOnceRecorded],
        PodsToCreate = [.. merged.PodsToCreate, .. node.PodsToCreate],
        LogsToFollow = [.. merged.LogsToFollow, .. node.LogsToFollow],
        ConfigMapsToWrite = [.. merged.ConfigMapsToWrite, .. node.ConfigMapsToWrite],
        Events = [.. merged.Events, .. node.Events],
        QuietRuns = merged.QuietRuns.Add(node.QuietRuns),
        RequeueAfter = (merged.RequeueAfter, node.RequeueAfter) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => a < b ? a : b,
        },
    };
}
