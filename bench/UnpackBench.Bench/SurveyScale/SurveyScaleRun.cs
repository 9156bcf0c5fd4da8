using System.Diagnostics;
using CliWrap;
using k8s;
using k8s.Models;
using UnpackBench.Bench.OperatorScale;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Testing.Kubernetes;
using UnpackBench.Testing.Kubernetes.CustomResources;
using UnpackBench.Testing.Kubernetes.Node;

namespace UnpackBench.Bench.SurveyScale;

/// <summary>
/// One survey-at-scale measurement: an API test server with a scheduler and N test kubelets running the
/// canned agent, the operator as its own process under an identity of its own, and one survey
/// (<c>placement: EachNode</c>) over every node. Reports the operator's API requests per status row
/// (counted by the API server for the operator's identity alone), its peak memory, the time from
/// create to every row done against the canned agent's own time × the waves the parallelism allows,
/// and the most agent pods that existed at once (from the API server's watch).
/// </summary>
internal sealed class SurveyScaleRun(string operatorDll, string workDirectory, TextWriter progress)
{
    private const string Namespace = "default";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);
    private static readonly RequestIdentity Operator = ClusterIdentities.Operator;
    private static readonly string[] Watched = ["unpackbenchmarks", "pods", "configmaps", "nodes"];

    /// <summary>Runs the measurement.</summary>
    public async Task<SurveyScaleResult> RunAsync(int nodes, int maxParallel, int runs, CancellationToken cancellationToken)
    {
        var agent = CannedAgent.Write(Path.Combine(workDirectory, "canned-agent"), runs);
        var cannedSeconds = await TimeCannedAgentAsync(agent, cancellationToken);
        await using var server = await ApiTestServer.StartAsync(cancellationToken: cancellationToken);
        server.RegisterCustomResourceDefinition(ProjectManifests.Crd);
        using var client = server.CreateClient();
        using var schedulerClient = server.CreateClient(ClusterIdentities.Scheduler);
        await using var scheduler = new TestScheduler(schedulerClient);
        await scheduler.StartAsync(cancellationToken);
        var kubelets = await StartKubeletsAsync(server, nodes, new Dictionary<string, ContainerCommand> { ["unpackbench-agent"] = new("/bin/sh", [.. agent]) }, cancellationToken);
        try
        {
            server.PodLogs = new CompositePodLogSource([.. kubelets.Select(k => k.Kubelet)]);
            await using var @operator = OperatorProcess.Start(operatorDll, ClusterIdentities.WriteOperatorKubeconfig(server, workDirectory), progress);
            await WaitForWatchesAsync(server, cancellationToken);
            server.RequestLog.Reset();
            await using var pods = await PodCountWatch.StartAsync(client, Namespace, cancellationToken);
            await progress.WriteLineAsync($"creating one survey over {nodes} nodes, at most {maxParallel} agent pods at once");

            var clock = Stopwatch.StartNew();
            await CreateSurveyAsync(client, runs, maxParallel, cancellationToken);
            await server.Store.WaitUntilAsync(s => BenchmarkPhase.IsFinished(Phase(s)), Timeout, cancellationToken);
            var allRows = clock.Elapsed;

            // Events go out in the background after status writes (Started, one per node, the verdict): count them once there.
            await server.Store.WaitUntilAsync(s => s.List("events", Namespace).Count >= nodes + 2, TimeSpan.FromSeconds(30), cancellationToken);
            var statusJson = server.Store.List("unpackbenchmarks", Namespace).Single()["status"]!.ToJsonString();
            var status = KubernetesJson.Deserialize<UnpackBenchmarkStatus>(statusJson);
            return new SurveyScaleResult(
                nodes, maxParallel, runs, status.Phase, status.Nodes.Count, System.Text.Encoding.UTF8.GetByteCount(statusJson), allRows, TimeSpan.FromSeconds(cannedSeconds),
                server.RequestLog.TotalOf(Operator.UserName), server.RequestLog.Snapshot(Operator.UserName), @operator.PeakMemoryMb(), pods.MostAtOnce);
        }
        finally
        {
            foreach (var (kubelet, kubeletClient) in kubelets)
            {
                await kubelet.DisposeAsync();
                kubeletClient.Dispose();
            }
        }
    }

    // The canned agent alone, as a process: what one node's agent costs when nothing else does.
    private static async Task<double> TimeCannedAgentAsync(IReadOnlyList<string> agent, CancellationToken cancellationToken)
    {
        var terminationLog = Path.Combine(Path.GetDirectoryName(agent[0])!, "termination-log");
        var clock = Stopwatch.StartNew();
        await Cli.Wrap("/bin/sh").WithArguments(agent).WithEnvironmentVariables(e => e.Set("TERMINATION_LOG", terminationLog)).ExecuteAsync(cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    // Each kubelet sends its requests as its node, as on a real cluster, so they never count as the operator's.
    private async Task<List<(TestKubelet Kubelet, k8s.Kubernetes Client)>> StartKubeletsAsync(ApiTestServer server, int nodes, Dictionary<string, ContainerCommand> commands, CancellationToken cancellationToken)
    {
        var kubelets = new List<(TestKubelet, k8s.Kubernetes)>();
        for (var i = 1; i <= nodes; i++)
        {
            var name = $"node-{i:000}";
            var client = server.CreateClient(ClusterIdentities.Node(name));
            var kubelet = new TestKubelet(client, name, Path.Combine(workDirectory, "nodes", name), commands, new TestKubeletOptions
            {
                Labels = new Dictionary<string, string> { ["node.kubernetes.io/instance-type"] = i % 2 == 0 ? "bench.large" : "bench.small" },
            });
            kubelets.Add((kubelet, client));
            await kubelet.StartAsync(cancellationToken);
        }

        await progress.WriteLineAsync($"{nodes} test kubelets ready");
        return kubelets;
    }

    // The request log is not part of the store, so store-change waits would not see it: poll.
    private static async Task WaitForWatchesAsync(ApiTestServer server, CancellationToken cancellationToken)
    {
        var ready = Stopwatch.StartNew();
        while (Watched.Any(r => server.RequestLog.Count("watch", r, Operator.UserName) == 0))
        {
            if (ready.Elapsed > Timeout)
            {
                throw new TimeoutException($"the operator did not start watching within {Timeout.TotalSeconds:0} s; requests so far: {server.RequestLog}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static Task<object> CreateSurveyAsync(k8s.Kubernetes client, int runs, int maxParallel, CancellationToken cancellationToken)
    {
        var body = new Dictionary<string, object>
        {
            ["apiVersion"] = "unpackbench.io/v1alpha1",
            ["kind"] = "UnpackBenchmark",
            ["metadata"] = new V1ObjectMeta { Name = "survey" },
            ["spec"] = new UnpackBenchmarkSpec { Image = CannedAgent.Image, Runs = runs, Placement = BenchmarkPlacement.EachNode, MaxParallelNodes = maxParallel },
        };
        return client.CustomObjects.CreateNamespacedCustomObjectAsync(body, "unpackbench.io", "v1alpha1", Namespace, "unpackbenchmarks", cancellationToken: cancellationToken);
    }

    private static string? Phase(ObjectStore store) =>
        store.List("unpackbenchmarks", Namespace).SingleOrDefault()?["status"]?["phase"]?.GetValue<string>();
}

/// <summary>What survey-scale measured.</summary>
internal sealed record SurveyScaleResult(
    int Nodes, int MaxParallel, int Runs, string Phase, int Rows, int StatusBytes, TimeSpan AllRowsDone, TimeSpan CannedAgent, int OperatorRequests,
    IReadOnlyDictionary<(string Verb, string Resource), int> Requests, double OperatorPeakMemoryMb, int MostPodsAtOnce)
{
    /// <summary>The operator's requests per status row, from create to every row done.</summary>
    public double RequestsPerRow => (double)OperatorRequests / Math.Max(1, Rows);

    /// <summary>Waves of agent pods the parallelism allows.</summary>
    public int Waves => (Nodes + MaxParallel - 1) / MaxParallel;

    /// <summary>The survey's time over the canned agent's time × the waves.</summary>
    public double Overhead => AllRowsDone.TotalSeconds / (CannedAgent.TotalSeconds * Waves);
}
