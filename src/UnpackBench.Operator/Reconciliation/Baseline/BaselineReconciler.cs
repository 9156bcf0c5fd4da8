using k8s;
using k8s.Models;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// The step after a benchmark's decision when its spec names a baseline: once the benchmark succeeded,
/// compare its rows with the baseline's and put the comparison and the <see cref="RegressedCondition"/>
/// into the status the plan writes (or into the stored one). Pure, like the reconciler: a comparison is
/// made once per pair of (this generation, the baseline's succeeded generation, threshold, force) and then
/// kept, so a reconcile that changes nothing parses no document and writes nothing.
/// </summary>
public static class BaselineReconciler
{
    /// <summary>The plan with the comparison applied to its status.</summary>
    public static ReconcilePlan Decide(ObservedBaseline observed, ReconcilePlan plan)
    {
        var benchmark = observed.Benchmark;
        var status = plan.Status ?? benchmark.Status;
        if (benchmark.Spec.Baseline is not { } spec || status is null || status.ObservedGeneration != Generation(benchmark))
        {
            return plan;
        }

        var outcome = Kept(benchmark, status, observed.BaselineBenchmark) ?? Outcome(observed, spec, status, plan);
        return Apply(observed, plan, status, outcome);
    }

    /// <summary>
    /// The ConfigMap to read for this reconcile: the one spec.baseline names, once the benchmark (as the
    /// plan leaves it) has succeeded and has no comparison for its current generation; otherwise null.
    /// </summary>
    public static string? ConfigMapToRead(V1Alpha1UnpackBenchmark benchmark, ReconcilePlan plan) =>
        benchmark.Spec.Baseline is { ConfigMap: { Length: > 0 } name } && (plan.Status ?? benchmark.Status) is { } status
            && status.ObservedGeneration == Generation(benchmark) && Succeeded(status.Phase) && Kept(benchmark, status, null) is null
            ? name
            : null;

    private static ComparisonOutcome Outcome(ObservedBaseline observed, BenchmarkBaseline spec, UnpackBenchmarkStatus status, ReconcilePlan plan)
    {
        var described = $"{spec.Kind} {spec.Name}";
        if (status.Phase == BenchmarkPhase.Failed)
        {
            return ComparisonOutcome.Waiting(RegressedCondition.NoResult, $"this benchmark failed, so there is nothing to compare with {described}");
        }

        if (!Succeeded(status.Phase))
        {
            return ComparisonOutcome.Waiting(RegressedCondition.AwaitingResult, $"compared with {described} once this benchmark succeeds");
        }

        var (baseline, reference, problem) = BaselineResolution.Resolve(observed, spec);
        if (problem is not null)
        {
            return problem;
        }

        IReadOnlyList<RowDocument> candidate;
        try
        {
            candidate = BenchmarkDocuments.Of(status, name => Written(plan, name) ?? observed.ConfigMaps.FirstOrDefault(c => c.Metadata.Name == name));
        }
        catch (ResultDocumentException e)
        {
            return ComparisonOutcome.Problem(RegressedCondition.NoResult, $"this benchmark's result cannot be read: {e.Message}");
        }

        var pairs = RowPairing.Pair(baseline, candidate);
        return pairs.Count > 0
            ? ComparisonSummarizer.Summarize([.. pairs.Select(p => PairComparer.Compare(p.Baseline, p.Candidate, spec))], reference, Generation(observed.Benchmark), spec)
            : ComparisonSummarizer.NothingInCommon(reference, Generation(observed.Benchmark), spec, $"{ComparisonMessages.Describe(reference)} and this benchmark measured no node and snapshotter in common (baseline: {Rows(baseline)}; this benchmark: {Rows(candidate)})");
    }

    // The stored comparison still stands when it is of this generation, with this threshold and force, and of the baseline's current result.
    private static ComparisonOutcome? Kept(V1Alpha1UnpackBenchmark benchmark, UnpackBenchmarkStatus status, V1Alpha1UnpackBenchmark? baseline)
    {
        var spec = benchmark.Spec.Baseline!;
        var generation = Generation(benchmark);
        var previous = benchmark.Status;
        if (!Succeeded(status.Phase) || previous?.Comparison is not { } comparison
            || previous.Conditions.FirstOrDefault(c => c.Type == RegressedCondition.Type) is not { } condition || condition.ObservedGeneration != generation
            || comparison.ObservedGeneration != generation || comparison.Baseline.Kind != spec.Kind || comparison.Baseline.Name != spec.Name
            || comparison.ThresholdPercent != ComparisonSummarizer.Threshold(spec) || comparison.Forced != spec.Force)
        {
            return null;
        }

        var current = spec.ConfigMap is { Length: > 0 }
            || (baseline?.Status is { } b && baseline.Metadata.Uid == comparison.Baseline.Uid && b.ObservedGeneration == comparison.Baseline.Generation
                && Generation(baseline) == b.ObservedGeneration && Succeeded(b.Phase));
        return current ? new ComparisonOutcome(condition.Status, condition.Reason, condition.Message, comparison) : null;
    }

    private static ReconcilePlan Apply(ObservedBaseline observed, ReconcilePlan plan, UnpackBenchmarkStatus status, ComparisonOutcome outcome)
    {
        var generation = Generation(observed.Benchmark);
        var previous = observed.Benchmark.Status;
        var now = new DateTimeOffset(observed.Now.UtcDateTime.Ticks - (observed.Now.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        var condition = ConditionSet.Merge(previous?.Conditions ?? [], outcome.Condition(generation), now);
        var updated = status with { Comparison = outcome.Comparison, Conditions = [.. status.Conditions.Where(c => c.Type != RegressedCondition.Type), condition] };
        var requeue = plan.RequeueAfter is { } a && outcome.RequeueAfter is { } b ? (a < b ? a : b) : plan.RequeueAfter ?? outcome.RequeueAfter;
        if (plan.Status is null && previous is not null && Json(updated) == Json(previous))
        {
            return plan with { RequeueAfter = requeue };
        }

        var old = previous?.Conditions.FirstOrDefault(c => c.Type == RegressedCondition.Type && c.ObservedGeneration == generation);
        var changed = old is null || old.Status != outcome.Status || old.Reason != outcome.Reason;
        return plan with
        {
            Status = updated,
            Events = changed && outcome.EventType is { } type ? [.. plan.Events, new BenchmarkEvent(type, outcome.EventReason!, outcome.Message)] : plan.Events,
            StatusIsProgress = plan.StatusIsProgress && Json(previous?.Comparison) == Json(outcome.Comparison) && old == condition,
            RequeueAfter = requeue,
        };
    }

    private static V1ConfigMap? Written(ReconcilePlan plan, string name) => plan.ConfigMapsToWrite.FirstOrDefault(c => c.Metadata.Name == name);

    private static string Rows(IReadOnlyList<RowDocument> rows) => string.Join(", ", rows.Select(r => $"{r.Node}/{r.Snapshotter}"));

    private static bool Succeeded(string? phase) => phase is BenchmarkPhase.Succeeded or BenchmarkPhase.PartiallySucceeded;

    private static long Generation(V1Alpha1UnpackBenchmark benchmark) => benchmark.Metadata.Generation ?? 1;

    private static string Json(object? value) => value is null ? "" : KubernetesJson.Serialize(value);
}
