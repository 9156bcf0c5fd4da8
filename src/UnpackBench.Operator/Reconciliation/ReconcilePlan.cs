using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// What a reconcile decided to do; the executor carries it out in a fixed order (delete stale pods,
/// create the pod, follow its log, write the ConfigMap, write the status, record events).
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

    /// <summary>Reconcile again after this long, even without a change.</summary>
    public TimeSpan? RequeueAfter { get; init; }
}

/// <summary>A Kubernetes Event about a benchmark.</summary>
/// <param name="Type"><c>Normal</c> or <c>Warning</c>.</param>
/// <param name="Reason">CamelCase reason.</param>
/// <param name="Message">A sentence.</param>
public sealed record BenchmarkEvent(string Type, string Reason, string Message);
