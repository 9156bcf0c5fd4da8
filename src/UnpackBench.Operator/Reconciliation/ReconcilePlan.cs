using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// What a reconcile decided to do; the executor carries it out in a fixed order (add the finalizer,
/// delete stale pods, create the pod, follow its log, write the ConfigMap, write the status, record
/// events, remove the finalizer).
/// </summary>
public sealed record ReconcilePlan
{
    /// <summary>Nothing to do.</summary>
    public static ReconcilePlan None { get; } = new();

    /// <summary>Pods of older generations, or of a failed benchmark, to delete.</summary>
    public IReadOnlyList<V1Pod> PodsToDelete { get; init; } = [];

    /// <summary>The agent pod to create.</summary>
    public V1Pod? PodToCreate { get; init; }

    /// <summary>The pod whose log must be followed (the executor does nothing if it already is).</summary>
    public V1Pod? FollowLogsOf { get; init; }

    /// <summary>The result ConfigMap to create or replace.</summary>
    public V1ConfigMap? ConfigMapToWrite { get; init; }

    /// <summary>The status to write (only written if it differs from the current one).</summary>
    public UnpackBenchmarkStatus? Status { get; init; }

    /// <summary>Events to record about the benchmark.</summary>
    public IReadOnlyList<BenchmarkEvent> Events { get; init; } = [];

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
