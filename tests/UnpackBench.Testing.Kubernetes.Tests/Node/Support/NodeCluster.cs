using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.Node;
using Xunit.Abstractions;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Support;

/// <summary>
/// An API test server with a scheduler and test kubelets, as a test needs them; everything (processes,
/// mounts, directories, nodes) is gone after dispose.
/// </summary>
internal sealed class NodeCluster : IAsyncDisposable
{
    public const string Namespace = "default";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>Commands the tests' containers run: a POSIX shell.</summary>
    public static readonly IReadOnlyDictionary<string, ContainerCommand> ShellCommands =
        new Dictionary<string, ContainerCommand> { ["sh"] = new("/bin/sh") };

    private readonly List<TestKubelet> _kubelets = [];
    private readonly ITestOutputHelper? _output;

    private NodeCluster(ApiTestServer server, ITestOutputHelper? output)
    {
        Server = server;
        Client = server.CreateClient();
        Scheduler = new TestScheduler(Client);
        _output = output;
    }

    public ApiTestServer Server { get; }

    public k8s.Kubernetes Client { get; }

    public TestScheduler Scheduler { get; }

    public TempDirectory Directory { get; } = new("node");

    public IReadOnlyList<TestKubelet> Kubelets => _kubelets;

    /// <summary>A server and a running scheduler (no nodes yet).</summary>
    public static async Task<NodeCluster> StartAsync(ITestOutputHelper? output = null)
    {
        var cluster = new NodeCluster(await ApiTestServer.StartAsync(), output);
        await cluster.Scheduler.StartAsync().WaitAsync(Timeout);
        return cluster;
    }

    /// <summary>A server, a scheduler and one kubelet named <paramref name="node"/>.</summary>
    public static async Task<NodeCluster> WithNodeAsync(ITestOutputHelper? output = null, string node = "node-1", IReadOnlyDictionary<string, ContainerCommand>? commands = null)
    {
        var cluster = await StartAsync(output);
        await cluster.AddKubeletAsync(node, commands);
        return cluster;
    }

    /// <summary>Starts a kubelet and makes every kubelet's logs the server's pod logs.</summary>
    public async Task<TestKubelet> AddKubeletAsync(string name, IReadOnlyDictionary<string, ContainerCommand>? commands = null, TestKubeletOptions? options = null)
    {
        options ??= new TestKubeletOptions();
        var kubelet = new TestKubelet(Client, name, Directory.Combine("kubelets", name), commands ?? ShellCommands, new TestKubeletOptions
        {
            Labels = options.Labels,
            Taints = options.Taints,
            ImageEntrypoints = options.ImageEntrypoints,
            ClaimsDirectory = options.ClaimsDirectory,
            DockerHost = options.DockerHost,
            Diagnostics = Report,
        });
        _kubelets.Add(kubelet);
        await kubelet.StartAsync().WaitAsync(Timeout);
        Server.PodLogs = new CompositePodLogSource([.. _kubelets]);
        return kubelet;
    }

    public Task<V1Pod> CreatePodAsync(V1Pod pod) => Client.CoreV1.CreateNamespacedPodAsync(pod, Namespace);

    public Task<V1Pod> ReadPodAsync(string name) => Client.CoreV1.ReadNamespacedPodAsync(name, Namespace);

    /// <summary>Polls the pod until <paramref name="condition"/> holds; returns it then.</summary>
    public async Task<V1Pod> WaitForPodAsync(string name, Func<V1Pod, bool> condition, string what, TimeSpan? timeout = null)
    {
        V1Pod? seen = null;
        try
        {
            await Eventually.TrueAsync(async token => condition(seen = await Client.CoreV1.ReadNamespacedPodAsync(name, Namespace, cancellationToken: token)), timeout ?? Timeout, $"pod {name}: {what}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nLast seen: {(seen is null ? "nothing" : KubernetesJson.Serialize(seen.Status))}", e);
        }

        return seen!;
    }

    public Task<V1Pod> WaitForPhaseAsync(string name, string phase) =>
        WaitForPodAsync(name, pod => pod.Status?.Phase == phase, $"phase {phase}");

    /// <summary>Waits until the pod is gone from the API.</summary>
    public Task WaitForPodGoneAsync(string name) =>
        Eventually.TrueAsync(async token =>
        {
            try
            {
                await Client.CoreV1.ReadNamespacedPodAsync(name, Namespace, cancellationToken: token);
                return false;
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return true;
            }
        }, Timeout, $"pod {name} to be deleted");

    /// <summary>The container's whole log, through the API.</summary>
    public async Task<string> LogAsync(string name)
    {
        using var reader = new StreamReader(await Client.CoreV1.ReadNamespacedPodLogAsync(name, Namespace));
        return await reader.ReadToEndAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Scheduler.DisposeAsync();
        foreach (var kubelet in _kubelets)
        {
            await kubelet.DisposeAsync();
        }

        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Dispose();
    }

    private void Report(string line)
    {
        try
        {
            _output?.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test is over; its output is closed.
        }
    }
}
