using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A kubelet for tests: registers a Ready Node and runs the pods bound to it as local processes, talking to
/// the API server only through KubernetesClient, as the real kubelet does. Each pod's single container runs
/// in its own mount namespace whose root is the host's filesystem plus the pod's volume mounts, its
/// termination-message file and a private <c>/tmp</c> (see <see cref="MountPlan"/> and <see cref="LauncherScript"/>);
/// its command is mapped to a local program through a table of <see cref="ContainerCommand"/>s. Status is
/// reported like a real kubelet's (Pending → Running → Succeeded/Failed, container states, exit code,
/// termination message, DeadlineExceeded) through <c>/status</c>, and graceful deletions are completed
/// (SIGTERM, grace period, SIGKILL, clean-up, delete with grace period 0). It serves its containers' logs
/// as an <see cref="IPodLogSource"/>.
/// </summary>
/// <remarks>
/// Every restartPolicy is treated as Never: a container runs once. Pods need exactly one container and no
/// init containers. Needs root and util-linux (setsid, unshare, mount).
/// </remarks>
public sealed class TestKubelet : IPodLogSource, IAsyncDisposable
{
    private static readonly TimeSpan NodeDeletionLimit = TimeSpan.FromSeconds(5);
    private readonly IKubernetes _client;
    private readonly IReadOnlyDictionary<string, ContainerCommand> _commands;
    private readonly TestKubeletOptions _options;
    private readonly NodeRegistration _node;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _created = [];
    private PodWorkers? _workers;
    private Docker.DotNet.DockerClient? _docker;
    private Task _watching = Task.CompletedTask;
    private bool _registered;
    private bool _disposed;

    /// <summary>
    /// A kubelet for node <paramref name="nodeName"/> keeping pod state under <paramref name="workDirectory"/>
    /// (created if missing) and running container commands through <paramref name="commands"/>
    /// (e.g. <c>["unpackbench-agent"] = new("dotnet", [agentDll])</c>).
    /// </summary>
    public TestKubelet(IKubernetes client, string nodeName, string workDirectory, IReadOnlyDictionary<string, ContainerCommand> commands, TestKubeletOptions? options = null)
    {
        _client = client;
        NodeName = nodeName;
        WorkDirectory = Path.GetFullPath(workDirectory);
        _commands = commands;
        _options = options ?? new TestKubeletOptions();
        _node = new NodeRegistration(client, nodeName, _options);
    }

    /// <summary>The node's name.</summary>
    public string NodeName { get; }

    /// <summary>Where pod directories (emptyDirs, secret files, termination logs) live.</summary>
    public string WorkDirectory { get; }

    /// <summary>Registers the Node (Ready) and starts running its pods; returns once the pods bound to it have been listed.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_workers is not null)
        {
            throw new InvalidOperationException($"The kubelet of {NodeName} was already started.");
        }

        _workers = new PodWorkers(CreateContext(HostTools.Find()), _stop.Token);
        await _node.RegisterAsync(cancellationToken);
        _registered = true;
        var selector = $"spec.nodeName={NodeName}";
        var watch = new ObjectWatch<V1Pod>(
            async token => ObjectWatch<V1Pod>.Page(await _client.CoreV1.ListPodForAllNamespacesAsync(fieldSelector: selector, cancellationToken: token)),
            (version, token) => _client.CoreV1.WatchListPodForAllNamespacesAsync(allowWatchBookmarks: true, fieldSelector: selector, resourceVersion: version, cancellationToken: token),
            _workers.Listed,
            _workers.Changed);
        _watching = watch.RunAsync(_stop.Token);
        await watch.Listed.WaitAsync(cancellationToken);
    }

    /// <summary>Sets the Node's Ready condition, e.g. to make a node NotReady for a "node lost" test.</summary>
    public Task SetReadyAsync(bool ready, CancellationToken cancellationToken = default) => _node.SetReadyAsync(ready, cancellationToken);

    /// <summary>
    /// Evicts a pod this kubelet runs, as a real kubelet does under node pressure: the container is killed at
    /// once and the pod ends Failed with reason <c>Evicted</c> and <paramref name="message"/>. Throws when the
    /// kubelet runs no started pod of that name.
    /// </summary>
    public void Evict(string @namespace, string pod, string message = "The node was low on resource: ephemeral-storage.")
    {
        if (_workers?.Evict(@namespace, pod, message) != true)
        {
            throw new InvalidOperationException($"The kubelet of {NodeName} runs no started pod {@namespace}/{pod} to evict.");
        }
    }

    /// <summary>
    /// Stops the kubelet as if it crashed: no more watching and no more status writes. With
    /// <paramref name="killWorkloads"/> every container process is SIGKILLed too (the node lost its
    /// workloads); otherwise they keep running, unobserved, until dispose. Pods stay as the API last saw
    /// them (typically Running) and the Node stays Ready unless <see cref="SetReadyAsync"/> says otherwise.
    /// </summary>
    public async Task StopAsync(bool killWorkloads)
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
            await _watching;
            if (_workers is not null)
            {
                await _workers.StoppedAsync();
            }
        }

        if (killWorkloads && _workers is not null)
        {
            await _workers.KillAllAsync();
        }
    }

    /// <inheritdoc />
    public Task<Stream?> OpenAsync(string @namespace, string pod, string? container, bool follow, CancellationToken cancellationToken) =>
        Task.FromResult(_workers?.Log(@namespace, pod, container)?.Open(follow));

    /// <summary>Kills every container, removes what the kubelet created on disk, and deletes the Node.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await StopAsync(killWorkloads: true);
        _workers?.DisposeAll();
        _docker?.Dispose();
        if (_registered)
        {
            await DeleteNodeAsync();
        }

        foreach (var path in Enumerable.Reverse(_created))
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }

        _stop.Dispose();
    }

    private async Task DeleteNodeAsync()
    {
        try
        {
            using var limit = new CancellationTokenSource(NodeDeletionLimit);
            await _node.DeleteAsync(limit.Token);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException or k8s.Autorest.HttpOperationException)
        {
            // The API server may be gone already; the node goes with it.
        }
    }

    private KubeletContext CreateContext(HostTools tools)
    {
        Create(WorkDirectory, isDirectory: true);
        var pods = Create(Path.Combine(WorkDirectory, "pods"), isDirectory: true);
        var claims = _options.ClaimsDirectory is { } shared ? Path.GetFullPath(shared) : Create(Path.Combine(WorkDirectory, "claims"), isDirectory: true);
        var launcher = Create(Path.Combine(WorkDirectory, "launcher.sh"), isDirectory: false);
        File.WriteAllText(launcher, LauncherScript.Text);
        _docker = _options.DockerHost is { } host ? new Docker.DotNet.DockerClientConfiguration(new Uri(host)).CreateClient() : null;
        return new KubeletContext(_client, NodeName, pods, claims, launcher, tools, _commands, _options, _docker);
    }

    /// <summary>Creates a directory (or notes a file about to be written) and remembers it for dispose, unless it already existed.</summary>
    private string Create(string path, bool isDirectory)
    {
        if (!Path.Exists(path))
        {
            _created.Add(path);
            if (isDirectory)
            {
                Directory.CreateDirectory(path);
            }
        }

        return path;
    }
}
