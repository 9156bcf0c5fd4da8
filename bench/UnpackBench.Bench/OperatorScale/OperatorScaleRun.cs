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
/// every agent pod exists, the operator's API requests per benchmark lifecycle (create to Succeeded),
/// and the operator's peak memory.
/// </summary>
internal sealed class OperatorScaleRun(string operatorDll, string workDirectory, TextWriter progress)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the measurement.</summary>
    public async Task<OperatorScaleResult> RunAsync(int benchmarks, int runs, CancellationToken cancellationToken)
    {
        var (script, log) = CannedAgent.Write(Path.Combine(workDirectory, "canned-agent"), runs);
        await using var server = await ApiTestServer.StartAsync(cancellationToken: cancellationToken);
        server.RegisterCustomResourceDefinition(ProjectManifests.Crd);
        using var client = server.CreateClient();
        await using var scheduler = new TestScheduler(client);
        await scheduler.StartAsync(cancellationToken);
        var commands = new Dictionary<string, ContainerCommand> { ["unpackbench-agent"] = new("/bin/sh", [script, log]) };
        await using var node1 = new TestKubelet(client, "node-1", Path.Combine(workDirectory, "node-1"), commands);
        await using var node2 = new TestKubelet(client, "node-2", Path.Combine(workDirectory, "node-2"), commands);
        await node1.StartAsync(cancellationToken);
        await node2.StartAsync(cancellationToken);
        server.PodLogs = new CompositePodLogSource(node1, node2);

        await using var @operator = OperatorProcess.Start(operatorDll, server.BaseAddress, progress);
        // The request log is not part of the store, so store-change waits would not see it: poll.
        var ready = Stopwatch.StartNew();
        while (server.RequestLog.Count("watch", "unpackbenchmarks") == 0 || server.RequestLog.Count("watch", "pods") == 0)
        {
            if (ready.Elapsed > Timeout)
            {
                throw new TimeoutException($"the operator did not start watching within {Timeout.TotalSeconds:0} s; requests so far: {server.RequestLog}");
            }

            await Task.Delay(50, cancellationToken);
        }

        server.RequestLog.Reset();
        await progress.WriteLineAsync($"creating {benchmarks} benchmarks at once");

        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, benchmarks).Select(i => CreateAsync(client, $"scale-{i:000}", runs, cancellationToken)));
        await server.Store.WaitUntilAsync(s => s.List("pods", "default").Count >= benchmarks, Timeout, cancellationToken);
        var allPods = clock.Elapsed;
        await progress.WriteLineAsync($"all {benchmarks} agent pods exist after {allPods.TotalSeconds:0.00} s; waiting for the benchmarks to finish");
        await server.Store.WaitUntilAsync(s => s.List("unpackbenchmarks", "default").Count(b => Phase(b) == BenchmarkPhase.Succeeded) >= benchmarks, Timeout, cancellationToken);
        var allDone = clock.Elapsed;

        // Events are sent in the background after status writes; count them once they have arrived
        // (Started, one per run, Succeeded), so the request figure is not flattered.
        var expectedEvents = benchmarks * (runs + 2);
        await server.Store.WaitUntilAsync(s => s.List("events", "default").Count >= expectedEvents, TimeSpan.FromSeconds(30), cancellationToken);

        // The log counts every client; the benchmark's own creates and what the test scheduler and
        // kubelets do (binding, reading and updating pod status, node heartbeats) are not the operator's.
        var byRequest = server.RequestLog.Snapshot();
        var operatorRequests = byRequest.Where(kv => !IsNodeSide(kv.Key) && kv.Key != ("create", "unpackbenchmarks")).ToDictionary();
        var nodeRequests = byRequest.Where(kv => IsNodeSide(kv.Key)).ToDictionary();
        return new OperatorScaleResult(benchmarks, runs, allPods, allDone, operatorRequests.Values.Sum(), operatorRequests, nodeRequests, @operator.PeakMemoryMb());
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

    private static bool IsNodeSide((string Verb, string Resource) request) =>
        request is ("get", "pods") or ("update/status", "pods") or ("create", "pods/binding") or ("get", "secrets") || request.Resource == "nodes";

    private static string? Phase(System.Text.Json.Nodes.JsonObject benchmark) =>
        benchmark["status"]?["phase"]?.GetValue<string>();
}

/// <summary>What operator-scale measured.</summary>
internal sealed record OperatorScaleResult(
    int Benchmarks, int Runs, TimeSpan AllPodsExist, TimeSpan AllSucceeded, int OperatorRequests,
    IReadOnlyDictionary<(string Verb, string Resource), int> Requests, IReadOnlyDictionary<(string Verb, string Resource), int> NodeRequests, double OperatorPeakMemoryMb)
{
    /// <summary>Operator requests per benchmark, from creation to Succeeded.</summary>
    public double RequestsPerLifecycle => (double)OperatorRequests / Benchmarks;
}
