using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Tests.Integration.Support;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration;

/// <summary>The operator restarts, the API server restarts, watches expire: benchmarks resume cleanly, with one pod each.</summary>
public sealed class ResilienceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task An_operator_restarted_mid_benchmark_resumes_without_a_second_pod()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        var first = cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("resume", cluster.Spec(image, runs: 4));
        await cluster.WaitForBenchmarkAsync("resume", b => b.Status?.CompletedRuns >= 1, "a run to complete");

        await first.StopAsync();
        cluster.Server.RequestLog.Reset();
        cluster.StartOperator(identity: "operator-2");
        var done = await cluster.WaitForPhaseAsync("resume", BenchmarkPhase.Succeeded);

        Assert.Equal(4, done.Status!.CompletedRuns);
        Assert.Single(await cluster.PodsAsync());
        Assert.Equal(0, cluster.Server.RequestLog.Count("create", "pods"));
        var events = await cluster.EventsAsync("resume");
        Assert.Equal(4, events.Count(e => e.Reason == "RunCompleted"));
        Assert.Single(events, e => e.Reason == "Started");
    }

    [Fact]
    public async Task Expired_watches_and_compacted_history_are_recovered_by_listing_again()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("expiry", cluster.Spec(image, runs: 3));
        await cluster.WaitForBenchmarkAsync("expiry", b => b.Status?.Phase == BenchmarkPhase.Running, "to run");

        cluster.Server.CompactHistory();
        cluster.Server.ExpireWatches();
        var done = await cluster.WaitForPhaseAsync("expiry", BenchmarkPhase.Succeeded);

        Assert.Equal(3, done.Status!.CompletedRuns);
        Assert.Single(await cluster.PodsAsync());
        Assert.True(cluster.Server.RequestLog.Count("list", "pods") >= 2, "the operator should have listed pods again after the 410");
    }

    [Fact]
    public async Task An_api_server_restart_mid_run_does_not_lose_the_benchmark()
    {
        await using var cluster = await OperatorCluster.StartAsync(output);
        var image = await cluster.PushSlowAsync();
        cluster.StartOperator();
        await cluster.CreateBenchmarkAsync("restart", cluster.Spec(image, runs: 3));
        await cluster.WaitForBenchmarkAsync("restart", b => b.Status?.Phase == BenchmarkPhase.Running, "to run");

        // Connections are cut and the stored objects survive, as with an API server restart over etcd.
        await cluster.Server.StopAsync();
        await cluster.Server.RestartAsync();
        var done = await cluster.WaitForPhaseAsync("restart", BenchmarkPhase.Succeeded);

        Assert.Equal(3, done.Status!.CompletedRuns);
        Assert.Single(await cluster.PodsAsync());
    }
}
