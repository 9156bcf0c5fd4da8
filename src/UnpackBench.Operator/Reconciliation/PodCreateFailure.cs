namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// The API server refused to create a benchmark generation's agent pod (admission, validation, a name
/// taken by an object someone else owns). The reconciler turns it into a condition and an event and
/// tries again after <see cref="RetryAfter"/>.
/// </summary>
/// <param name="Generation">The benchmark generation whose pod was refused.</param>
/// <param name="StatusCode">The HTTP status, e.g. 403 or 422.</param>
/// <param name="Reason">The condition reason, e.g. <c>AgentPodForbidden</c>.</param>
/// <param name="Message">The API server's message.</param>
/// <param name="Attempts">Refusals in a row.</param>
/// <param name="At">When the last refusal came.</param>
public sealed record PodCreateFailure(long Generation, int StatusCode, string Reason, string Message, int Attempts, DateTimeOffset At)
{
    /// <summary>The first retry's delay; each refusal doubles it.</summary>
    public static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(10);

    /// <summary>The longest delay between tries.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    /// <summary>How long after <see cref="At"/> the pod is tried again.</summary>
    public TimeSpan RetryAfter => TimeSpan.FromTicks(Math.Min(MaxDelay.Ticks, FirstDelay.Ticks << Math.Min(Attempts - 1, 16)));
}
