using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Kubernetes;
using UnpackBench.Testing.Kubernetes.CustomResources;
using UnpackBench.Testing.Kubernetes.Node;
using UnpackBench.Testing.Registry;
using Xunit.Abstractions;

namespace UnpackBench.Operator.Tests.Integration.Support;

/// <summary>
/// A test cluster for the operator: the API test server with the CRD registered, a scheduler, test
/// kubelets that run agent pods as real agent processes against real containerd, and a real registry
/// holding a test image. Operators run in-process against it and can be stopped and started.
/// </summary>
internal sealed class OperatorCluster : IAsyncDisposable
{
    public const string Namespace = "default";
    public const string AgentImage = "unpackbench/unpackbench:test";

    /// <summary>The namespace config/manager and config/rbac put the operator in.</summary>
    public const string OperatorNamespace = "unpackbench-system";

    /// <summary>Who the operator's requests come from: its ServiceAccount, as config/rbac names it and a pod of config/manager authenticates.</summary>
    public static readonly RequestIdentity OperatorIdentity = RequestIdentity.ServiceAccount(OperatorNamespace, "unpackbench-operator");

    private static readonly string AgentDll = Path.Combine(AppContext.BaseDirectory, "agent", "unpackbench-agent.dll");
    private readonly List<TestKubelet> _kubelets = [];
    private readonly List<RunningOperator> _operators = [];
    private readonly ITestOutputHelper _output;
    private string? _dockerHost;

    private OperatorCluster(ApiTestServer server, RegistryFixture registry, ITestOutputHelper output)
    {
        Server = server;
        Registry = registry;
        Client = server.CreateClient();
        Scheduler = new TestScheduler(Client);
        _output = output;
    }

    public ApiTestServer Server { get; }

    public IKubernetes Client { get; }

    public TestScheduler Scheduler { get; }

    public RegistryFixture Registry { get; }

    public TempDirectory Directory { get; } = new("operator-cluster");

    public IReadOnlyList<TestKubelet> Kubelets => _kubelets;

    /// <summary>
    /// Starts everything but the operator, set up as <paramref name="options"/> say (by default one node,
    /// a prompt garbage collector, readable logs, no RBAC or admission).
    /// </summary>
    public static async Task<OperatorCluster> StartAsync(ITestOutputHelper output, OperatorClusterOptions? options = null)
    {
        options ??= new OperatorClusterOptions();
        var server = await ApiTestServer.StartAsync(new ApiTestServerOptions { GarbageCollection = options.GarbageCollection, Rbac = options.Rbac, Admission = options.Admission });
        server.RegisterCustomResourceDefinition(ProjectManifests.Crd);
        server.KubeletsUnreachable = options.LogsUnavailable;
        if (options.Rbac)
        {
            ApplyProjectRbac(server);
        }

        var cluster = new OperatorCluster(server, await RegistryFixture.StartAsync(), output) { _dockerHost = options.DockerHost };
        await cluster.Scheduler.StartAsync();
        for (var i = 1; i <= options.Nodes; i++)
        {
            await cluster.AddNodeAsync($"node-{i}");
        }

        return cluster;
    }

    /// <summary>Requests the operator made (as <see cref="OperatorIdentity"/>) with this verb on this resource.</summary>
    public int OperatorRequests(string verb, string resource) => Server.RequestLog.Count(verb, resource, OperatorIdentity.UserName);

    // Every manifest of config/rbac, as kubectl apply -k would create them (the authorizer ignores other kinds).
    private static void ApplyProjectRbac(ApiTestServer server)
    {
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(ProjectManifests.Root, ProjectManifests.RbacDirectory), "*.yaml").Order(StringComparer.Ordinal))
        {
            server.ApplyRbac(File.ReadAllText(file));
        }
    }

    /// <summary>Adds a kubelet (a node) with optional labels and taints.</summary>
    public async Task<TestKubelet> AddNodeAsync(string name, IDictionary<string, string>? labels = null, IList<V1Taint>? taints = null)
    {
        var commands = new Dictionary<string, ContainerCommand> { ["unpackbench-agent"] = new("dotnet", [AgentDll]) };
        var kubelet = new TestKubelet(Client, name, Directory.Combine("nodes", name), commands, new TestKubeletOptions
        {
            Labels = labels ?? new Dictionary<string, string>(),
            Taints = taints ?? [],
            DockerHost = _dockerHost,
            Diagnostics = line => Log($"[{name}] {line}"),
        });
        _kubelets.Add(kubelet);
        await kubelet.StartAsync();
        Server.PodLogs = new CompositePodLogSource([.. _kubelets]);
        return kubelet;
    }

    /// <summary>Cordons the node, as <c>kubectl cordon</c> does.</summary>
    public Task CordonAsync(string node) =>
        Client.CoreV1.PatchNodeAsync(new V1Patch("""{"spec":{"unschedulable":true}}""", V1Patch.PatchType.MergePatch), node);

    /// <summary>Pushes an image to the registry and returns its reference.</summary>
    public Task<string> PushAsync(string repository, Func<OciLayout, BuiltImage> build)
    {
        var layout = OciLayout.Create(Directory.Combine("layouts", repository.Replace('/', '-')));
        return Registry.PushAsync(build(layout), repository, "v1");
    }

    /// <summary>A small three-layer image.</summary>
    public Task<string> PushSampleAsync() => PushAsync("bench/sample", layout => SampleImage.Build(layout));

    /// <summary>An image big enough that each run takes a noticeable moment.</summary>
    public Task<string> PushSlowAsync() => PushAsync("bench/slow", layout =>
    {
        var builder = new ImageBuilder(Testing.Images.Platform.LinuxAmd64);
        for (var i = 0; i < 4; i++)
        {
            builder.WithLayer(new LayerBuilder().File($"l{i}/data", FileContent.Random(6 * 1024 * 1024, seed: i)).Build(layout));
        }

        return builder.Build(layout);
    });

    /// <summary>A spec for <paramref name="image"/> from this cluster's registry (plain HTTP).</summary>
    public UnpackBenchmarkSpec Spec(string image, int runs = 2) => new()
    {
        Image = image,
        Runs = runs,
        InsecureRegistries = [Registry.Host],
        SampleIntervalMs = 50,
        TimeoutSeconds = 600,
    };

    /// <summary>Starts an operator in-process, authenticating as <see cref="OperatorIdentity"/>.</summary>
    public RunningOperator StartOperator(OperatorOptions? options = null, string identity = "operator-1")
    {
        options ??= Options(identity);
        var running = RunningOperator.Start(Server.CreateClient(OperatorIdentity), options, LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(_output, identity)).SetMinimumLevel(LogLevel.Information)));
        _operators.Add(running);
        return running;
    }

    /// <summary>
    /// The options tests run the operator with: quick resync and timeouts, no ports. The unschedulable
    /// timeout is short, yet long enough that a loaded machine's kubelet always reports a pod before it.
    /// </summary>
    public static OperatorOptions Options(string identity = "operator-1", bool leaderElection = false) => new()
    {
        AgentImage = AgentImage,
        Identity = identity,
        LeaderElection = leaderElection,
        LeaseNamespace = Namespace,
        Workers = 2,
        MetricsPort = 0,
        HealthPort = 0,
        ResyncPeriod = TimeSpan.FromSeconds(30),
        UnschedulableTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>Replaces the benchmark's spec (a new generation).</summary>
    public async Task ReplaceSpecAsync(string name, Func<UnpackBenchmarkSpec, UnpackBenchmarkSpec> change)
    {
        var benchmark = await ReadBenchmarkAsync(name) ?? throw new InvalidOperationException($"benchmark {name} does not exist");
        benchmark.Spec = change(benchmark.Spec);
        await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(benchmark, V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, Namespace, V1Alpha1UnpackBenchmark.Plural, name);
    }

    public async Task<V1Alpha1UnpackBenchmark> CreateBenchmarkAsync(string name, UnpackBenchmarkSpec spec)
    {
        var benchmark = new V1Alpha1UnpackBenchmark { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec };
        var body = System.Text.Json.Nodes.JsonNode.Parse(KubernetesJson.Serialize(benchmark))!.AsObject();
        if (spec.Image.Length == 0)
        {
            // As a manifest of mode Calibrate has it: no image at all (the typed spec writes an empty one).
            body["spec"]!.AsObject().Remove("image");
        }

        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(body, V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, Namespace, V1Alpha1UnpackBenchmark.Plural);
        return KubernetesJson.Deserialize<V1Alpha1UnpackBenchmark>(KubernetesJson.Serialize(created));
    }

    public async Task<V1Alpha1UnpackBenchmark?> ReadBenchmarkAsync(string name)
    {
        try
        {
            var raw = await Client.CustomObjects.GetNamespacedCustomObjectAsync(V1Alpha1UnpackBenchmark.Group, V1Alpha1UnpackBenchmark.Version, Namespace, V1Alpha1UnpackBenchmark.Plural, name);
            return KubernetesJson.Deserialize<V1Alpha1UnpackBenchmark>(KubernetesJson.Serialize(raw));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>Waits until the benchmark satisfies <paramref name="condition"/>.</summary>
    public async Task<V1Alpha1UnpackBenchmark> WaitForBenchmarkAsync(string name, Func<V1Alpha1UnpackBenchmark, bool> condition, string what, TimeSpan? timeout = null)
    {
        V1Alpha1UnpackBenchmark? seen = null;
        try
        {
            await Eventually.TrueAsync(async _ => (seen = await ReadBenchmarkAsync(name)) is { } b && condition(b), timeout ?? TimeSpan.FromSeconds(120), $"benchmark {name}: {what}");
        }
        catch (TimeoutException e)
        {
            var pods = await PodsAsync();
            var logs = new List<string>();
            foreach (var pod in pods)
            {
                logs.Add($"--- {pod.Metadata.Name} ({pod.Status?.Phase}) ---\n{await PodLogAsync(pod.Metadata.Name)}");
            }

            throw new TimeoutException($"{e.Message}\nstatus: {(seen?.Status is null ? "none" : KubernetesJson.Serialize(seen.Status))}\n{string.Join('\n', logs)}", e);
        }

        return seen!;
    }

    public Task<V1Alpha1UnpackBenchmark> WaitForPhaseAsync(string name, string phase, TimeSpan? timeout = null) =>
        WaitForBenchmarkAsync(name, b => b.Status?.Phase == phase, $"phase {phase}", timeout);

    /// <summary>A pod's log through the API, or why it could not be read.</summary>
    public async Task<string> PodLogAsync(string name)
    {
        try
        {
            using var reader = new StreamReader(await Client.CoreV1.ReadNamespacedPodLogAsync(name, Namespace));
            return await reader.ReadToEndAsync();
        }
        catch (HttpOperationException e)
        {
            return $"(log unavailable: {e.Response.StatusCode} {e.Response.Content})";
        }
    }

    public async Task<IList<V1Pod>> PodsAsync() => (await Client.CoreV1.ListNamespacedPodAsync(Namespace)).Items;

    public async Task<IList<Corev1Event>> EventsAsync(string benchmark) =>
        (await Client.CoreV1.ListNamespacedEventAsync(Namespace)).Items.Where(e => e.InvolvedObject.Name == benchmark).OrderBy(e => e.FirstTimestamp).ToList();

    public async Task<V1ConfigMap?> ConfigMapAsync(string name)
    {
        try
        {
            return await Client.CoreV1.ReadNamespacedConfigMapAsync(name, Namespace);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public void Log(string line)
    {
        try
        {
            _output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test already finished; background lines after that are dropped.
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var running in _operators)
        {
            await running.DisposeAsync();
        }

        foreach (var kubelet in _kubelets)
        {
            await kubelet.DisposeAsync();
        }

        await Scheduler.DisposeAsync();
        await Registry.DisposeAsync();
        await Server.DisposeAsync();
        Directory.Dispose();
    }
}
