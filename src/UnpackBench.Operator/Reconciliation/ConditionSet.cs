using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// The benchmark's conditions, following the Kubernetes API conventions: <c>Succeeded</c> for this
/// bounded work (Unknown while it runs, True or False at the end) and <c>Ready</c>, which GitOps health
/// checks read; <c>Stalled</c> (only while True, as kstatus's abnormal-true conditions are) when the
/// benchmark failed, so kstatus reports Failed rather than InProgress. A survey that ended with some
/// nodes failed (PartiallySucceeded) is Ready and Succeeded, and says so in <c>AllNodesSucceeded</c>.
/// A condition's lastTransitionTime moves only when its status does.
/// </summary>
public static class ConditionSet
{
    /// <summary>The condition <c>kubectl wait --for=condition=Succeeded</c> waits on.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>True once the benchmark has succeeded.</summary>
    public const string Ready = "Ready";

    /// <summary>kstatus's condition for a resource whose reconcile cannot make progress: True when the benchmark failed.</summary>
    public const string Stalled = "Stalled";

    /// <summary>Of a finished survey: True when every node succeeded, False (reason <c>NodesFailed</c>) when some did not.</summary>
    public const string AllNodesSucceeded = "AllNodesSucceeded";

    /// <summary>
    /// Present once there is a result ConfigMap: True when it holds the agent's full document, False when
    /// the operator assembled a partial one (the agent's log could not be read, or the agent was lost).
    /// </summary>
    public const string ResultComplete = "ResultComplete";

    /// <summary>
    /// The conditions for a benchmark in <paramref name="phase"/>, plus the <paramref name="extra"/> ones
    /// given, keeping each existing condition's lastTransitionTime when its status is unchanged.
    /// </summary>
    public static IReadOnlyList<BenchmarkCondition> For(
        string phase, string reason, string message, long generation, IReadOnlyList<BenchmarkCondition> existing, DateTimeOffset now, params BenchmarkCondition?[] extra)
    {
        var (succeeded, ready) = phase switch
        {
            BenchmarkPhase.Succeeded or BenchmarkPhase.PartiallySucceeded => ("True", "True"),
            BenchmarkPhase.Failed => ("False", "False"),
            _ => ("Unknown", "False"),
        };
        var stalled = phase == BenchmarkPhase.Failed ? new BenchmarkCondition { Type = Stalled, Status = "True", Reason = reason, Message = message } : null;
        return
        [
            Merge(existing, new BenchmarkCondition { Type = Ready, Status = ready, Reason = reason, Message = message, ObservedGeneration = generation }, now),
            Merge(existing, new BenchmarkCondition { Type = Succeeded, Status = succeeded, Reason = reason, Message = message, ObservedGeneration = generation }, now),
            .. new[] { stalled }.Concat(extra).OfType<BenchmarkCondition>().Select(c => Merge(existing, c with { ObservedGeneration = generation }, now)),
        ];
    }

    /// <summary><paramref name="wanted"/>, keeping the lastTransitionTime of the existing condition of its type when its status is unchanged.</summary>
    public static BenchmarkCondition Merge(IReadOnlyList<BenchmarkCondition> existing, BenchmarkCondition wanted, DateTimeOffset now)
    {
        var previous = existing.FirstOrDefault(c => c.Type == wanted.Type);
        return wanted with { LastTransitionTime = previous is not null && previous.Status == wanted.Status ? previous.LastTransitionTime : now };
    }
}
