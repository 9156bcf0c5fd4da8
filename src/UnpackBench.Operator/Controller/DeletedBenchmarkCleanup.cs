using System.Collections.Concurrent;
using k8s.Models;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Kubernetes;
using UnpackBench.Operator.Metrics;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// What is left to do once a benchmark is gone: forget its log readers, metrics and refusals, and
/// delete what it owned — the agent pods and the result ConfigMaps — so nothing outlives it even where
/// no garbage collector runs (with one, the deletes race it harmlessly). Deleted benchmarks are noted
/// when the informer reports them and cleaned up by a worker, so a failed delete is retried with backoff.
/// </summary>
internal sealed class DeletedBenchmarkCleanup(
    PodApi pods, ConfigMapApi configMaps, AgentLogFollowers logs, PodCreateFailures createFailures, StatusWriteThrottle throttle,
    ResourceInformer<V1Pod> podCache, ResourceInformer<V1ConfigMap> configMapCache, OperatorMetrics metrics)
{
    private readonly ConcurrentDictionary<string, V1Alpha1UnpackBenchmark> _deleted = new();

    /// <summary>Notes <paramref name="benchmark"/> as deleted; returns its key for the work queue.</summary>
    public string Note(V1Alpha1UnpackBenchmark benchmark)
    {
        var key = ObjectKey.Of(benchmark);
        _deleted[key] = benchmark;
        metrics.RemoveResult(benchmark.Metadata.NamespaceProperty ?? "", benchmark.Metadata.Name);
        createFailures.Clear(benchmark.Metadata.Uid);
        throttle.Forget(benchmark.Metadata.Uid);
        return key;
    }

    /// <summary>Cleans up after the benchmark deleted under <paramref name="key"/>, if one was; a live namesake is left alone.</summary>
    public async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        if (!_deleted.TryGetValue(key, out var benchmark))
        {
            return;
        }

        var uid = benchmark.Metadata.Uid;
        logs.Forget(new V1Pod { Metadata = new V1ObjectMeta { Name = ObjectNames.AgentPod(benchmark), NamespaceProperty = benchmark.Metadata.NamespaceProperty } });
        foreach (var pod in podCache.All.Where(p => ControlledBy(p.Metadata, uid)).ToList())
        {
            logs.Forget(pod);
            if (pod.Metadata.DeletionTimestamp is null && await pods.DeleteAsync(pod, cancellationToken) is { } deleting)
            {
                podCache.UpdateIfPresent(deleting);
            }
        }

        foreach (var configMap in configMapCache.All.Where(c => c.Metadata.NamespaceProperty == benchmark.Metadata.NamespaceProperty && ControlledBy(c.Metadata, uid)).ToList())
        {
            await configMaps.DeleteAsync(configMap, cancellationToken);
        }

        _deleted.TryRemove(new KeyValuePair<string, V1Alpha1UnpackBenchmark>(key, benchmark));
    }

    private static bool ControlledBy(V1ObjectMeta metadata, string? uid) =>
        uid is not null && metadata.OwnerReferences?.Any(o => o.Controller == true && o.Uid == uid) == true;
}
