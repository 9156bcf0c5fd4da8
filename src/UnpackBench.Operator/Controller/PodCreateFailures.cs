using System.Collections.Concurrent;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// The last refusal of each benchmark's agent pod, by benchmark uid, for the reconciler to turn into a
/// condition, an event and a capped backoff. Kept in memory: after a restart the pod is simply tried
/// again, and a refusal is recorded anew.
/// </summary>
internal sealed class PodCreateFailures(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, PodCreateFailure> _failures = new();

    /// <summary>The last refusal of the benchmark with <paramref name="uid"/>, if any.</summary>
    public PodCreateFailure? Of(string? uid) => uid is null ? null : _failures.GetValueOrDefault(uid);

    /// <summary>Records a refusal of generation <paramref name="generation"/>'s pod, counting refusals of the same generation.</summary>
    public void Record(string uid, long generation, ApiRefusal refusal) =>
        _failures.AddOrUpdate(
            uid,
            _ => New(generation, refusal, 1),
            (_, previous) => New(generation, refusal, previous.Generation == generation ? previous.Attempts + 1 : 1));

    /// <summary>Forgets the benchmark's refusals (its pod was created, or it is gone).</summary>
    public void Clear(string? uid)
    {
        if (uid is not null)
        {
            _failures.TryRemove(uid, out _);
        }
    }

    private PodCreateFailure New(long generation, ApiRefusal refusal, int attempts) =>
        new(generation, refusal.StatusCode, "AgentPod" + refusal.Reason, refusal.Message, attempts, time.GetUtcNow());
}
