using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// What the scheduler knows: pods and nodes as its watches last saw them, and the pods it bound that the
/// watch has not shown bound yet ("assumed", as in the real scheduler), so a pass never binds a pod twice
/// and counts it on its node at once.
/// </summary>
internal sealed class SchedulingCache(string schedulerName)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, V1Pod> _pods = new(StringComparer.Ordinal);
    private readonly Dictionary<string, V1Node> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _assumed = new(StringComparer.Ordinal);

    /// <summary>Replaces all pods with a fresh list.</summary>
    public void ListedPods(IReadOnlyList<V1Pod> pods) => Replace(_pods, pods, pod => pod.Uid());

    /// <summary>Replaces all nodes with a fresh list.</summary>
    public void ListedNodes(IReadOnlyList<V1Node> nodes) => Replace(_nodes, nodes, node => node.Name());

    /// <summary>Applies a pod watch event.</summary>
    public void PodEvent(WatchEventType type, V1Pod pod) => Apply(_pods, type, pod, pod.Uid());

    /// <summary>Applies a node watch event.</summary>
    public void NodeEvent(WatchEventType type, V1Node node) => Apply(_nodes, type, node, node.Name());

    /// <summary>Remembers a binding until the watch shows it.</summary>
    public void Assume(V1Pod pod, string nodeName)
    {
        lock (_gate)
        {
            _assumed[pod.Uid()] = nodeName;
        }
    }

    /// <summary>
    /// The pods to schedule (oldest first), the nodes (by name), and how many unfinished pods each node runs.
    /// </summary>
    public (List<V1Pod> Pending, List<V1Node> Nodes, Dictionary<string, int> Load) Snapshot()
    {
        lock (_gate)
        {
            ForgetObservedAssumptions();
            List<V1Pod> pending = [.. _pods.Values.Where(NeedsScheduling).OrderBy(p => p.Metadata.CreationTimestamp).ThenBy(p => p.Name(), StringComparer.Ordinal)];
            List<V1Node> nodes = [.. _nodes.Values.OrderBy(n => n.Name(), StringComparer.Ordinal)];
            return (pending, nodes, Load());
        }
    }

    private void Replace<T>(Dictionary<string, T> cache, IReadOnlyList<T> items, Func<T, string> key)
    {
        lock (_gate)
        {
            cache.Clear();
            foreach (var item in items)
            {
                cache[key(item)] = item;
            }
        }
    }

    private void Apply<T>(Dictionary<string, T> cache, WatchEventType type, T item, string key)
    {
        lock (_gate)
        {
            if (type == WatchEventType.Deleted)
            {
                cache.Remove(key);
            }
            else
            {
                cache[key] = item;
            }
        }
    }

    private bool NeedsScheduling(V1Pod pod) =>
        string.IsNullOrEmpty(pod.Spec?.NodeName)
        && pod.Metadata.DeletionTimestamp is null
        && pod.Status?.Phase is not ("Succeeded" or "Failed")
        && (string.IsNullOrEmpty(pod.Spec?.SchedulerName) || pod.Spec.SchedulerName == schedulerName)
        && !_assumed.ContainsKey(pod.Uid());

    /// <summary>Drops assumed bindings the cache now shows (or whose pod is gone).</summary>
    private void ForgetObservedAssumptions()
    {
        foreach (var uid in _assumed.Keys.ToList())
        {
            if (!_pods.TryGetValue(uid, out var pod) || !string.IsNullOrEmpty(pod.Spec?.NodeName))
            {
                _assumed.Remove(uid);
            }
        }
    }

    private Dictionary<string, int> Load()
    {
        var load = _pods.Values
            .Where(p => !string.IsNullOrEmpty(p.Spec?.NodeName) && p.Status?.Phase is not ("Succeeded" or "Failed"))
            .GroupBy(p => p.Spec.NodeName, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        foreach (var node in _assumed.Values)
        {
            load[node] = load.GetValueOrDefault(node) + 1;
        }

        return load;
    }
}
