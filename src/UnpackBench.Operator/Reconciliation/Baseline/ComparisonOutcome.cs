using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// What the comparison with the baseline comes to in one reconcile: the <see cref="RegressedCondition"/>,
/// the comparison for status (null when none could be made), the event of a change, and when to look
/// again for a baseline that is not there yet.
/// </summary>
/// <param name="Status"><c>True</c>, <c>False</c> or <c>Unknown</c>.</param>
/// <param name="Reason">One of <see cref="RegressedCondition"/>'s reasons.</param>
/// <param name="Message">A sentence a person can act on.</param>
/// <param name="Comparison">The comparison for status, when documents were compared (or refused).</param>
/// <param name="EventType">The type of the event a change to this outcome records (<c>Normal</c>, <c>Warning</c>), or null for none.</param>
/// <param name="EventReason">The event's reason.</param>
/// <param name="RequeueAfter">When to reconcile again to look for the baseline once more.</param>
public sealed record ComparisonOutcome(
    string Status, string Reason, string Message, BenchmarkComparisonStatus? Comparison = null, string? EventType = null, string? EventReason = null, TimeSpan? RequeueAfter = null)
{
    /// <summary>An Unknown outcome that waits quietly (no event): for a result, or for the baseline.</summary>
    public static ComparisonOutcome Waiting(string reason, string message, TimeSpan? requeueAfter = null) => new("Unknown", reason, message, RequeueAfter: requeueAfter);

    /// <summary>An Unknown outcome that needs a person (a Warning event named after its reason).</summary>
    public static ComparisonOutcome Problem(string reason, string message, TimeSpan? requeueAfter = null) =>
        new("Unknown", reason, message, EventType: "Warning", EventReason: reason, RequeueAfter: requeueAfter);

    /// <summary>The condition this outcome sets.</summary>
    public BenchmarkCondition Condition(long generation) =>
        new() { Type = RegressedCondition.Type, Status = Status, Reason = Reason, Message = Message, ObservedGeneration = generation };
}
