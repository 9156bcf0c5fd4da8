using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// The benchmark's two conditions, following the Kubernetes API conventions: <c>Succeeded</c> for this
/// bounded work (Unknown while it runs, True or False at the end) and <c>Ready</c>, which GitOps health
/// checks read. A condition's lastTransitionTime moves only when its status does.
/// </summary>
public static class ConditionSet
{
    /// <summary>The condition <c>kubectl wait --for=condition=Succeeded</c> waits on.</summary>
    public const string Succeeded = "Succeeded";

    /// <summary>True once the benchmark has succeeded.</summary>
    public const string Ready = "Ready";

    /// <summary>
    /// Present once there is a result ConfigMap: True when it holds the agent's full document, False when
    /// the operator assembled a partial one (the agent's log could not be read, or the agent was lost).
    /// </summary>
    public const string ResultComplete = "ResultComplete";

    /// <summary>
    /// The two conditions for a benchmark in <paramref name="phase"/>, keeping each existing
    /// condition's lastTransitionTime when its status is unchanged.
    /// </summary>
    public static IReadOnlyList<BenchmarkCondition> For(
        string phase, string reason, string message, long generation, IReadOnlyList<BenchmarkCondition> existing, DateTimeOffset now, BenchmarkCondition? result = null)
    {
        var (succeeded, ready) = phase switch
        {
            BenchmarkPhase.Succeeded => ("True", "True"),
            BenchmarkPhase.Failed => ("False", "False"),
            _ => ("Unknown", "False"),
        };
        return
        [
            Merge(existing, new BenchmarkCondition { Type = Ready, Status = ready, Reason = reason, Message = message, ObservedGeneration = generation }, now),
            Merge(existing, new BenchmarkCondition { Type = Succeeded, Status = succeeded, Reason = reason, Message = message, ObservedGeneration = generation }, now),
            .. result is null ? [] : new[] { Merge(existing, result with { ObservedGeneration = generation }, now) },
        ];
    }

    private static BenchmarkCondition Merge(IReadOnlyList<BenchmarkCondition> existing, BenchmarkCondition wanted, DateTimeOffset now)
    {
        var previous = existing.FirstOrDefault(c => c.Type == wanted.Type);
        return wanted with { LastTransitionTime = previous is not null && previous.Status == wanted.Status ? previous.LastTransitionTime : now };
    }
}
