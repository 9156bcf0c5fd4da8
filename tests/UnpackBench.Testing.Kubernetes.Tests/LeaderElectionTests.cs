using System.Diagnostics;
using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Tests.Support;

namespace UnpackBench.Testing.Kubernetes.Tests;

/// <summary>KubernetesClient's LeaderElector over a LeaseLock against the test server.</summary>
public sealed class LeaderElectionTests
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromMilliseconds(100);

    public LeaderElectionTests() => ThreadPoolHeadroom.Ensure();

    [Fact]
    public async Task Two_electors_never_lead_together_and_a_leader_that_stops_renewing_loses_the_lease()
    {
        await using var server = await ApiTestServer.StartAsync();
        using var clientA = server.CreateClient();
        using var clientB = server.CreateClient();
        using var observer = server.CreateClient();
        var leaders = 0;
        var overlapped = false;
        var startedB = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var startedA = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var cancelA = new CancellationTokenSource();
        using var cancelB = new CancellationTokenSource();

        Task RunAsync(k8s.Kubernetes client, string identity, TaskCompletionSource started, CancellationToken token)
        {
            var elector = new LeaderElector(new LeaderElectionConfig(new LeaseLock(client, "ns1", "operator", identity))
            {
                LeaseDuration = LeaseDuration,
                RenewDeadline = TimeSpan.FromMilliseconds(600),
                RetryPeriod = RetryPeriod,
            });
            elector.OnStartedLeading += () =>
            {
                overlapped |= Interlocked.Increment(ref leaders) > 1;
                started.TrySetResult();
            };
            elector.OnStoppedLeading += () => Interlocked.Decrement(ref leaders);
            return Task.Run(() => elector.RunUntilLeadershipLostAsync(token), CancellationToken.None);
        }

        var runA = RunAsync(clientA, "a", startedA, cancelA.Token);
        await startedA.Task.WaitAsync(Objects.Timeout);

        // Record, as the server writes them, when a last renewed and when b took over.
        var clock = Stopwatch.StartNew();
        var lastRenewalByA = TimeSpan.Zero;
        await using var renewals = new WatchRecorder<V1Lease>((onError, token) =>
            observer.CoordinationV1.WatchListNamespacedLeaseAsync("ns1", onError: onError, cancellationToken: token));
        var runB = RunAsync(clientB, "b", startedB, cancelB.Token);
        await server.Store.WaitUntilAsync(_ => server.RequestLog.Count("get", "leases") >= 20, Objects.Timeout);
        Assert.False(startedB.Task.IsCompleted, "b must not lead while a renews");

        await cancelA.CancelAsync();
        TimeSpan takeover;
        while (true)
        {
            var (_, lease) = await renewals.NextAsync();
            if (lease.Spec.HolderIdentity == "b")
            {
                takeover = clock.Elapsed;
                break;
            }

            lastRenewalByA = clock.Elapsed;
        }

        await startedB.Task.WaitAsync(Objects.Timeout);
        Assert.False(overlapped);
        Assert.True(takeover - lastRenewalByA >= LeaseDuration - RetryPeriod, $"b took over {(takeover - lastRenewalByA).TotalMilliseconds} ms after a's last renewal");
        Assert.Equal("b", server.Find<V1Lease>("ns1", "operator")!.Spec.HolderIdentity);
        await cancelB.CancelAsync();
        await Task.WhenAll(runA, runB).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
