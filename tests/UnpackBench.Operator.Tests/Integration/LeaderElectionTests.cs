using k8s;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>Two replicas with leader election: only one ever acts, and the other takes over when it goes.</summary>
public sealed class LeaderElectionTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Two_operators_never_both_act_and_the_standby_takes_over_when_the_leader_stops()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSampleAsync();
        var first = cluster.StartOperator(OperatorCluster.Options("replica-a", leaderElection: true), "replica-a");
        var second = cluster.StartOperator(OperatorCluster.Options("replica-b", leaderElection: true), "replica-b");
        using var watching = new CancellationTokenSource();
        var bothLed = 0;
        var watcher = Task.Run(async () =>
        {
            while (!watching.IsCancellationRequested)
            {
                if (first.Host.IsLeading && second.Host.IsLeading)
                {
                    Interlocked.Increment(ref bothLed);
                }

                await Task.Yield();
            }
        });

        for (var i = 0; i < 3; i++)
        {
            await cluster.CreateBenchmarkAsync($"le-{i}", cluster.Spec(image, runs: 1));
        }

        for (var i = 0; i < 3; i++)
        {
            await cluster.WaitForPhaseAsync($"le-{i}", BenchmarkPhase.Succeeded);
        }

        var leader = first.Host.IsLeading ? first : second;
        var standby = ReferenceEquals(leader, first) ? second : first;
        await leader.StopAsync();
        await cluster.CreateBenchmarkAsync("after-failover", cluster.Spec(image, runs: 1));
        await cluster.WaitForPhaseAsync("after-failover", BenchmarkPhase.Succeeded, TimeSpan.FromSeconds(90));
        await watching.CancelAsync();
        await watcher;

        Assert.Equal(0, bothLed);
        Assert.True(standby.Host.IsLeading, "the standby should lead once the leader stopped");
        Assert.Equal(4, (await cluster.PodsAsync()).Count);
        Assert.Equal(4, cluster.Server.RequestLog.Count("create", "pods"));
    }

    [Fact]
    public async Task A_leader_stopped_as_by_SIGTERM_releases_its_lease()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var leader = cluster.StartOperator(OperatorCluster.Options("replica-a", leaderElection: true), "replica-a");
        await UnpackBench.Testing.Eventually.TrueAsync(_ => Task.FromResult(leader.Host.IsLeading), TimeSpan.FromSeconds(30), "replica-a to lead");
        var options = OperatorCluster.Options();

        await leader.StopAsync();

        var lease = await cluster.Client.CoordinationV1.ReadNamespacedLeaseAsync(options.LeaseName, options.LeaseNamespace);
        Assert.True(string.IsNullOrEmpty(lease.Spec.HolderIdentity), $"the lease is still held by {lease.Spec.HolderIdentity}");
    }
}
