using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// Watches benchmarks and the pods and ConfigMaps they own, and reconciles each benchmark whenever any
/// of them changes, its agent logs progress, or the resync period passes. Keys go through a work queue,
/// so one benchmark is never reconciled twice at once, and failures back off per benchmark.
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
    private readonly AgentLogFollowers _logs;
    private readonly PlanExecutor _executor;
    private readonly EventRecorder _events;

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
        _logs = new AgentLogFollowers(podApi, pod => _pods.Get(pod.Metadata.NamespaceProperty, pod.Metadata.Name), _logger);
        _events = new EventRecorder(client, time, _logger);
        _executor = new PlanExecutor(podApi, configMapApi, benchmarkApi, _events, _logs, _pods, _configMaps, _benchmarks, metrics);

        _benchmarks.Changed += b => _queue.Add(Key(b.Metadata.NamespaceProperty, b.Metadata.Name));
        _benchmarks.Deleted += OnBenchmarkDeleted;
        _pods.Changed += p => EnqueueOwner(p.Metadata);
        // A deleted pod's log progress is kept: if it was lost mid-run, its completed runs are still saved.
        _pods.Deleted += p => EnqueueOwner(p.Metadata);
        _configMaps.Changed += c => EnqueueOwner(c.Metadata);
        _configMaps.Deleted += c => EnqueueOwner(c.Metadata);
    }

    /// <summary>Completes once the three caches are filled.</summary>
    public Task Synced => Task.WhenAll(_benchmarks.Synced, _pods.Synced, _configMaps.Synced);

    /// <summary>Benchmarks whose agent log is being followed.</summary>
    public int FollowedAgents => _logs.Count;

    /// <summary>Runs informers, workers and the resync loop until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var informers = new[] { _benchmarks.RunAsync(cancellationToken), _pods.RunAsync(cancellationToken), _configMaps.RunAsync(cancellationToken) };
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
        var workers = Enumerable.Range(0, _options.Workers).Select(_ => WorkAsync(cancellationToken)).ToList();
        await Task.WhenAll([.. informers, .. workers, ResyncAsync(cancellationToken)]);
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string key;
            try
            {
                key = await _queue.TakeAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                using (_metrics.TimeReconcile())
                {
                    var requeue = await ReconcileAsync(key, cancellationToken);
                    _queue.Forget(key);
                    if (requeue is { } after)
                    {
                        _queue.AddAfter(key, after);
                    }
                }
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpOperationException or HttpRequestException or IOException or InvalidOperationException)
            {
                _metrics.ReconcileFailed();
                var conflict = e is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Conflict };
                _logger.Log(conflict ? LogLevel.Debug : LogLevel.Warning, "reconciling {Key} failed ({Error}); retrying with backoff", key, e.Message);
                _queue.AddRateLimited(key);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // A bug with one benchmark must not stop the others: log it and retry with backoff.
                _metrics.ReconcileFailed();
                _logger.LogError(e, "reconciling {Key} failed unexpectedly; retrying with backoff", key);
                _queue.AddRateLimited(key);
            }
            finally
            {
                _queue.Done(key);
            }
        }
    }

    private async Task<TimeSpan?> ReconcileAsync(string key, CancellationToken cancellationToken)
    {
        var (ns, name) = Split(key);
        var benchmark = _benchmarks.Get(ns, name);
        if (benchmark is null)
        {
            return null;
        }

        var uid = benchmark.Metadata.Uid;
        var pods = _pods.All.Where(p => p.Metadata.OwnerReferences?.Any(o => o.Uid == uid) == true).ToList();
        var configMap = _configMaps.Get(ns, ObjectNames.ResultConfigMap(benchmark));
        var currentPod = pods.FirstOrDefault(p => p.Metadata.Name == ObjectNames.AgentPod(benchmark));
        var observed = new ObservedBenchmark(benchmark, pods, configMap, _logs.ProgressOf(ns, ObjectNames.AgentPod(benchmark)), _time.GetUtcNow());
        var plan = BenchmarkReconciler.Decide(observed, _options);
        await _executor.ExecuteAsync(benchmark, plan, configMap, () => _queue.Add(key), cancellationToken);
        _metrics.SetPhases(_benchmarks.All);
        return plan.RequeueAfter;
    }

    private async Task ResyncAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_options.ResyncPeriod, _time);
        while (await timer.WaitForNextTickAsync(cancellationToken).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result, TaskScheduler.Default))
        {
            _benchmarks.Resync();
        }
    }

    private void OnBenchmarkDeleted(V1Alpha1UnpackBenchmark benchmark)
    {
        var prefix = $"{benchmark.Metadata.Name}-agent-g";
        _logs.ForgetAll(benchmark.Metadata.NamespaceProperty, pod => pod.StartsWith(prefix, StringComparison.Ordinal) || pod == ObjectNames.AgentPod(benchmark));
        _metrics.RemoveResult(benchmark.Metadata.NamespaceProperty ?? "", benchmark.Metadata.Name);
        _metrics.SetPhases(_benchmarks.All);
    }

    private void EnqueueOwner(V1ObjectMeta metadata)
    {
        var owner = metadata.OwnerReferences?.FirstOrDefault(o => o.Kind == V1Alpha1UnpackBenchmark.KindName && o.Controller == true);
        if (owner is not null)
        {
            _queue.Add(Key(metadata.NamespaceProperty, owner.Name));
        }
    }

    private static string Key(string? @namespace, string name) => $"{@namespace}/{name}";

    private static (string? Namespace, string Name) Split(string key)
    {
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return (slash == 0 ? null : key[..slash], key[(slash + 1)..]);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _logs.DisposeAsync();
        await _events.DisposeAsync();
        _queue.Dispose();
    }
}
