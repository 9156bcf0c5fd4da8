using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Metrics;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// Wires the controller together: informers for benchmarks, the pods and ConfigMaps they own and the
/// nodes surveys run on, a work queue fed by their changes, the agents' log followers and the periodic
/// resync, and the workers that reconcile. Keys go through the queue, so one benchmark is never
/// reconciled twice at once.
/// </summary>
public sealed class BenchmarkController : IAsyncDisposable
{
    private readonly OperatorOptions _options;
    private readonly OperatorMetrics _metrics;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly WorkQueue _queue;
    private readonly ResourceInformer<V1Alpha1UnpackBenchmark> _benchmarks;
    private readonly ResourceInformer<V1Pod> _pods;
    private readonly ResourceInformer<V1ConfigMap> _configMaps;
    private readonly ResourceInformer<V1Node> _nodes;
    private readonly AgentLogFollowers _logs;
    private readonly EventRecorder _events;
    private readonly ReconcileWorkers _workers;

    /// <summary>Creates the controller; nothing runs until <see cref="RunAsync"/>.</summary>
    public BenchmarkController(IKubernetes client, OperatorOptions options, OperatorMetrics metrics, ILoggerFactory loggers, TimeProvider time)
    {
        _options = options;
        _metrics = metrics;
        _logger = loggers.CreateLogger<BenchmarkController>();
        _time = time;
        _queue = new WorkQueue(time);
        var benchmarkApi = new BenchmarkApi(client, options.WatchNamespace);
        var podApi = new PodApi(client, options.WatchNamespace);
        var configMapApi = new ConfigMapApi(client, options.WatchNamespace);
        var informerLogger = loggers.CreateLogger("UnpackBench.Operator.Informer");
        _benchmarks = new(V1Alpha1UnpackBenchmark.Plural, benchmarkApi.ListAsync, benchmarkApi.WatchAsync, informerLogger);
        _pods = new("pods", podApi.ListAsync, podApi.WatchAsync, informerLogger);
        _configMaps = new("configmaps", configMapApi.ListAsync, configMapApi.WatchAsync, informerLogger);
        var nodeApi = new NodeApi(client);
        _nodes = new("nodes", nodeApi.ListAsync, nodeApi.WatchAsync, informerLogger);
        _logs = new AgentLogFollowers(podApi, pod => _pods.Get(pod.Metadata.NamespaceProperty, pod.Metadata.Name), _logger);
        _events = new EventRecorder(client, time, _logger);
        var failures = new PodCreateFailures(time);
        var throttle = new StatusWriteThrottle(options.SurveyProgressInterval, time);
        var executor = new PlanExecutor(podApi, configMapApi, benchmarkApi, _events, _logs, _pods, _configMaps, _benchmarks, failures, throttle, metrics);
        var cleanup = new DeletedBenchmarkCleanup(podApi, configMapApi, _logs, failures, throttle, _pods, _configMaps, metrics);
        var baselines = new BaselineStep(_benchmarks, _configMaps, new BaselineConfigMapReader(client));
        var handler = new BenchmarkReconcileHandler(options, time, _benchmarks, _pods, _configMaps, _nodes, _logs, failures, executor, cleanup, metrics, baselines);
        _workers = new ReconcileWorkers(_queue, handler, metrics, _logger);

        _benchmarks.Changed += b =>
        {
            _queue.Add(ObjectKey.Of(b));
            EnqueueDependents(b);
        };
        _benchmarks.Deleted += b =>
        {
            _queue.Add(cleanup.Note(b));
            EnqueueDependents(b);
        };
        _pods.Changed += p => EnqueueOwner(p.Metadata);
        // A deleted pod's log progress is kept: if it was lost mid-run, its completed runs are still saved.
        _pods.Deleted += p => EnqueueOwner(p.Metadata);
        _configMaps.Changed += c => EnqueueOwner(c.Metadata);
        _configMaps.Deleted += c => EnqueueOwner(c.Metadata);
        _nodes.Changed += EnqueueSurveysOn;
        _nodes.Deleted += EnqueueSurveysOn;
    }

    /// <summary>
    /// Completes once the benchmark, pod and ConfigMap caches are filled. The node cache is not waited
    /// for: only surveys need it, and they wait for it themselves, so an operator that may not list nodes
    /// still runs benchmarks on one node.
    /// </summary>
    public Task Synced => Task.WhenAll(_benchmarks.Synced, _pods.Synced, _configMaps.Synced);

    /// <summary>Benchmarks whose agent log is being followed.</summary>
    public int FollowedAgents => _logs.Count;

    /// <summary>Runs informers, workers and the resync loop until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var informers = new[] { _benchmarks.RunAsync(cancellationToken), _pods.RunAsync(cancellationToken), _configMaps.RunAsync(cancellationToken), _nodes.RunAsync(cancellationToken) };
        await Task.WhenAny(Synced, Task.WhenAll(informers));
        if (!Synced.IsCompletedSuccessfully)
        {
            return;
        }

        // A new leader (or a restarted operator) exports the results benchmarks already have.
        foreach (var benchmark in _benchmarks.All)
        {
            _metrics.SetResult(benchmark);
        }

        _metrics.SetPhases(_benchmarks.All);
        _logger.LogInformation("caches synced: {Benchmarks} benchmarks, {Pods} agent pods; starting {Workers} workers", _benchmarks.All.Count, _pods.All.Count, _options.Workers);
        await Task.WhenAll([.. informers, _workers.RunAsync(_options.Workers, cancellationToken), ResyncAsync(cancellationToken)]);
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result, TaskScheduler.Default))
        {
            _benchmarks.Resync();
        }
    }

    // A node's change matters to the surveys still running on it, and to those waiting to list nodes.
    private void EnqueueSurveysOn(V1Node node)
    {
        foreach (var benchmark in _benchmarks.All)
        {
            if (benchmark.Spec.Placement == BenchmarkPlacement.EachNode && !BenchmarkPhase.IsFinished(benchmark.Status?.Phase)
                && (benchmark.Status?.Nodes is not { Count: > 0 } rows || rows.Any(r => r.NodeName == node.Metadata.Name)))
            {
                _queue.Add(ObjectKey.Of(benchmark));
            }
        }
    }

    // A benchmark that names the changed one as its baseline may have to compare again.
    private void EnqueueDependents(V1Alpha1UnpackBenchmark changed)
    {
        foreach (var dependent in Reconciliation.Baseline.BaselineDependents.Of(changed, _benchmarks.All))
        {
            _queue.Add(ObjectKey.Of(dependent));
        }
    }

    // Pods and ConfigMaps name their benchmark in the controller owner reference.
    private void EnqueueOwner(V1ObjectMeta metadata)
    {
        if (metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == V1Alpha1UnpackBenchmark.KindName && o.Controller == true) is { } owner)
        {
            _queue.Add(ObjectKey.Of(metadata.NamespaceProperty, owner.Name));
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _logs.DisposeAsync();
        await _events.DisposeAsync();
        _queue.Dispose();
    }
}
