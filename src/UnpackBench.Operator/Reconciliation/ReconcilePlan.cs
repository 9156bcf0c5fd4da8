using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// What a reconcile decided to do; the executor carries it out in a fixed order (add the finalizer,
/// delete stale pods, create pods, follow their logs, write ConfigMaps, delete stale ConfigMaps, write
/// the status, record events, remove the finalizer). A benchmark on one node has at most one pod to
/// create, one log to follow and one ConfigMap to write; a survey may have several of each.
/// </summary>
public sealed record ReconcilePlan
{
    /// <summary>Nothing to do.</summary>
    public static ReconcilePlan None { get; } = new();

    /// <summary>Pods of older generations, or of a failed benchmark, to delete.</summary>
    public IReadOnlyList<V1Pod> PodsToDelete { get; init; } = [];

    /// <summary>
    /// Pods of survey nodes that end in this plan, to delete once the status recording their end is written
    /// (so a failed write never loses what the pod reported), freeing their slots a reconcile sooner.
    /// </summary>
    public IReadOnlyList<V1Pod> PodsToDeleteOnceRecorded { get; init; } = [];

    /// <summary>Pods whose node is lost, to delete without a grace period (no kubelet will confirm a graceful delete).</summary>
    public IReadOnlyList<V1Pod> PodsToForceDelete { get; init; } = [];

    /// <summary>The agent pods to create.</summary>
    public IReadOnlyList<V1Pod> PodsToCreate { get; init; } = [];

    /// <summary>The one agent pod to create (of a benchmark on one node).</summary>
    public V1Pod? PodToCreate
    {
        get => PodsToCreate.Count == 0 ? null : PodsToCreate[0];
        init => PodsToCreate = value is null ? [] : [value];
    }

    /// <summary>Pods whose logs must be followed (the executor does nothing for those already followed).</summary>
    public IReadOnlyList<V1Pod> LogsToFollow { get; init; } = [];

    /// <summary>The one pod whose log must be followed (of a benchmark on one node).</summary>
    public V1Pod? FollowLogsOf
    {
        get => LogsToFollow.Count == 0 ? null : LogsToFollow[0];
        init => LogsToFollow = value is null ? [] : [value];
    }

    /// <summary>Result ConfigMaps to create or replace.</summary>
    public IReadOnlyList<V1ConfigMap> ConfigMapsToWrite { get; init; } = [];

    /// <summary>The one result ConfigMap to create or replace (of a benchmark on one node).</summary>
    public V1ConfigMap? ConfigMapToWrite
    {
        get => ConfigMapsToWrite.Count == 0 ? null : ConfigMapsToWrite[0];
        init => ConfigMapsToWrite = value is null ? [] : [value];
    }

    /// <summary>ConfigMaps of an older generation's survey nodes, to delete.</summary>
    public IReadOnlyList<V1ConfigMap> ConfigMapsToDelete { get; init; } = [];

    /// <summary>The status to write (only written if it differs from the current one).</summary>
    public UnpackBenchmarkStatus? Status { get; init; }

    /// <summary>
    /// Whether <see cref="Status"/> differs from the stored one only in progress (a survey's runs counted so
    /// far), so the executor may hold it back for a few seconds to write it together with what follows.
    /// </summary>
    public bool StatusIsProgress { get; init; }

    /// <summary>Events to record about the benchmark.</summary>
    public IReadOnlyList<BenchmarkEvent> Events { get; init; } = [];

    /// <summary>Runs observed without an event each (a survey shows runs in its rows), for the runs metric.</summary>
    public RunTally QuietRuns { get; init; }

    /// <summary>Whether to add or remove <see cref="BenchmarkFinalizer"/>.</summary>
    public FinalizerChange Finalizer { get; init; }

    /// <summary>Reconcile again after this long, even without a change.</summary>
    public TimeSpan? RequeueAfter { get; init; }
}

/// <summary>A Kubernetes Event about a benchmark.</summary>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Reason">CamelCase reason.</param>
/// <param name="Message">A sentence.</param>
public sealed record BenchmarkEvent(string Type, string Reason, string Message);

/// <summary>Timed runs counted by outcome.</summary>
/// <param name="Succeeded">Successful runs.</param>
/// <param name="Failed">Failed runs.</param>
public readonly record struct RunTally(int Succeeded, int Failed)
{
    /// <summary>This tally and <paramref name="other"/> together.</summary>
    public RunTally Add(RunTally other) => new(Succeeded + other.Succeeded, Failed + other.Failed);
}

/// <summary>What to do with the benchmark's <see cref="BenchmarkFinalizer"/>.</summary>
public enum FinalizerChange
{
    /// <summary>Leave it as it is.</summary>
    None,

    /// <summary>Add it before anything else (an agent pod is about to exist).</summary>
    Add,

    /// <summary>Remove it after everything else (no agent runs any more, or the benchmark is being deleted).</summary>
    Remove,
}
