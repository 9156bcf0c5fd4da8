using System.Diagnostics;
using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Testing.Kubernetes;
using UnpackBench.Testing.Kubernetes.CustomResources;
using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Bench.OperatorScale;

/// <summary>
/// One operator-scale measurement: an API test server with a scheduler and two kubelets running the
/// canned agent, the operator as its own process, N benchmarks created at once. Reports how long until
/// every agent pod exists, the operator's API requests per benchmark lifecycle (create to Succeeded) —
/// counted by the identity it authenticates as, so the kubelets' and scheduler's requests are not in it —
/// and the operator's peak memory. With logs unavailable, every pod log request fails as where the API
/// server cannot dial the kubelets, and the benchmarks finish from the agents' termination messages.
/// </summary>
internal sealed class OperatorScaleRun(string operatorDll, string workDirectory, TextWriter progress)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the measurement.</summary>
    public async Task<OperatorScaleResult> RunAsync(int benchmarks, int runs, bool logsAvailable, CancellationToken cancellationToken)
    {
        var agent = CannedAgent.Write(Path.Combine(workDirectory, "canned-agent"), runs);
        await using var server = await ApiTestServer.StartAsync(cancellationToken: cancellationToken);
        server.RegisterCustomResourceDefinition(ProjectManifests.Crd);
        server.KubeletsUnreachable = !logsAvailable;
        using var admin = server.CreateClient();
        using var schedulerClient = server.CreateClient(ClusterIdentities.Scheduler);
        await using var scheduler = new TestScheduler(schedulerClient);
        await scheduler.StartAsync(cancellationToken);
        var commands = new Dictionary<string, ContainerCommand> { ["unpackbench-agent"] = new("/bin/sh", [.. agent]) };
        using var node1Client = server.CreateClient(ClusterIdentities.Node("node-1"));
        using var node2Client = server.CreateClient(ClusterIdentities.Node("node-2"));
        await using var node1 = new TestKubelet(node1Client, "node-1", Path.Combine(workDirectory, "node-1"), commands);
        await using var node2 = new TestKubelet(node2Client, "node-2", Path.Combine(workDirectory, "node-2"), commands);
        await node1.StartAsync(cancellationToken);
        await node2.StartAsync(cancellationToken);
        server.PodLogs = new CompositePodLogSource(node1, node2);

        await using var @operator = OperatorProcess.Start(operatorDll, ClusterIdentities.WriteOperatorKubeconfig(server, workDirectory), progress);
        await WaitUntilWatchingAsync(server, cancellationToken);
        server.RequestLog.Reset();
        await progress.WriteLineAsync($"creating {benchmarks} benchmarks at once (pod logs {(logsAvailable ? "available" : "unavailable")})");

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, benchmarks).Select(i => CreateAsync(admin, $"scale-{i:000}", runs, cancellationToken)));
        await server.Store.WaitUntilAsync(s => s.List("pods", "default").Count >= benchmarks, Timeout, cancellationToken);
        var allPods = clock.Elapsed;
        await progress.WriteLineAsync($"all {benchmarks} agent pods exist after {allPods.TotalSeconds:0.00} s; waiting for the benchmarks to finish");
        await server.Store.WaitUntilAsync(s => s.List("unpackbenchmarks", "default").Count(b => Phase(b) == BenchmarkPhase.Succeeded) >= benchmarks, Timeout, cancellationToken);
        var allDone = clock.Elapsed;

        // Events are sent in the background after status writes; count them once they have arrived
        // (Started, one per run, Succeeded), so the request figure is not flattered.
        var expectedEvents = benchmarks * (runs + 2);
        try
        {
            await server.Store.WaitUntilAsync(s => s.List("events", "default").Count >= expectedEvents, TimeSpan.FromSeconds(30), cancellationToken);
        }
        catch (TimeoutException)
        {
            var byReason = server.Store.List("events", "default").GroupBy(e => e["reason"]?.GetValue<string>() ?? "(none)").Select(g => $"{g.Key} {g.Count()}");
            throw new TimeoutException($"{server.Store.List("events", "default").Count} of the {expectedEvents} events expected (Started, one RunCompleted per run, Succeeded per benchmark) arrived within 30 s of the last benchmark succeeding: {string.Join(", ", byReason)}");
        }

        var others = server.RequestLog.Users().Where(u => u != ClusterIdentities.Operator.UserName).ToDictionary(u => u, server.RequestLog.TotalOf);
        return new OperatorScaleResult(benchmarks, runs, logsAvailable, allPods, allDone, server.RequestLog.Snapshot(ClusterIdentities.Operator.UserName), others, @operator.PeakMemoryMb());
    }

    // The request log is not part of the store, so store-change waits would not see it: poll.
    private static async Task WaitUntilWatchingAsync(ApiTestServer server, CancellationToken cancellationToken)
    {
        var user = ClusterIdentities.Operator.UserName;
        var ready = Stopwatch.StartNew();
        while (server.RequestLog.Count("watch", "unpackbenchmarks", user) == 0 || server.RequestLog.Count("watch", "pods", user) == 0)
        {
            if (ready.Elapsed > Timeout)
            {
                throw new TimeoutException($"the operator did not start watching within {Timeout.TotalSeconds:0} s; its requests so far: {server.RequestLog.TotalOf(user)} (requests from: {string.Join(", ", server.RequestLog.Users())})");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static Task<object> CreateAsync(k8s.Kubernetes client, string name, int runs, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = "unpackbench.io/v1alpha1",
            ["kind"] = "UnpackBenchmark",
            ["metadata"] = new V1ObjectMeta { Name = name },
            ["spec"] = new UnpackBenchmarkSpec { Image = CannedAgent.Image, Runs = runs },
        };
        return client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "unpackbench.io", "v1alpha1", "default", "unpackbenchmarks", cancellationToken: cancellationToken);
    }

    private static string? Phase(System.Text.Json.Nodes.JsonObject benchmark) =>
        benchmark["status"]?["phase"]?.GetValue<string>();
}
