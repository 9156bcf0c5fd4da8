using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace UnpackBench.Operator.Hosting;

/// <summary>
/// Gives the leader Lease up on shutdown, as client-go's ReleaseOnCancel does: the holder becomes empty,
/// which another replica takes at its next try instead of waiting out the lease duration.
/// </summary>
internal static class LeaseRelease
{
    /// <summary>Releases <paramref name="lease"/> if <paramref name="identity"/> still holds it; failures are returned as a message, never thrown.</summary>
    public static async Task<string?> ReleaseAsync(LeaseLock lease, string identity, TimeProvider time)
    {
        // The operator is shutting down: give the release a few seconds of its own.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5), time);
        try
        {
            var record = await lease.GetAsync(timeout.Token);
            if (record.HolderIdentity != identity)
            {
                return null;
            }

            var now = time.GetUtcNow().UtcDateTime;
            await lease.UpdateAsync(
                new LeaderElectionRecord { HolderIdentity = "", LeaseDurationSeconds = 1, AcquireTime = now, RenewTime = now, LeaderTransitions = record.LeaderTransitions },
                timeout.Token);
            return null;
        }
        catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or OperationCanceledException)
        {
            return e.Message;
        }
    }
}
