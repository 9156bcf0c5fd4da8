using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// The pods a kubelet runs, one <see cref="PodWorker"/> per pod uid, fed by the kubelet's pod watch: a new
/// pod gets a worker (unless it finished before the kubelet saw it), a change updates it, a pod gone from the
/// API (deleted, or missing from a fresh list) is removed — its container killed, its log dropped.
/// </summary>
internal sealed class PodWorkers(KubeletContext context, CancellationToken stop)
{
    private static readonly TimeSpan KillLimit = TimeSpan.FromSeconds(10);
    private readonly Lock _gate = new();
    private readonly Dictionary<string, PodWorker> _current = new(StringComparer.Ordinal);
    private readonly List<PodWorker> _all = [];
    private readonly List<Task> _running = [];

    /// <summary>Handles a fresh list of the node's pods.</summary>
    public void Listed(IReadOnlyList<V1Pod> pods)
    {
        foreach (var pod in pods)
        {
            Dispatch(pod);
        }

        var listed = pods.Select(pod => pod.Uid()).ToHashSet(StringComparer.Ordinal);
        string[] gone;
        lock (_gate)
        {
            gone = [.. _current.Keys.Where(uid => !listed.Contains(uid))];
        }

        foreach (var uid in gone)
        {
            Forget(uid);
        }
    }

    /// <summary>Handles a watch event for one of the node's pods.</summary>
    public void Changed(WatchEventType type, V1Pod pod)
    {
        if (type == WatchEventType.Deleted)
        {
            Forget(pod.Uid());
        }
        else
        {
            Dispatch(pod);
        }
    }

    /// <summary>The log of a started container of a pod the API still has, or null.</summary>
    public ContainerLog? Log(string @namespace, string pod, string? container)
    {
        lock (_gate)
        {
            var worker = _current.Values.FirstOrDefault(w => w.Namespace == @namespace && w.Name == pod && w.Started);
            return worker is null || (container is not null && container != worker.ContainerName) ? null : worker.Log;
        }
    }

    /// <summary>Evicts the running pod <paramref name="namespace"/>/<paramref name="pod"/>; false when this kubelet runs no such pod.</summary>
    public bool Evict(string @namespace, string pod, string message)
    {
        lock (_gate)
        {
            var worker = _current.Values.FirstOrDefault(w => w.Namespace == @namespace && w.Name == pod && w.Started);
            worker?.Evict(message);
            return worker is not null;
        }
    }

    /// <summary>Waits until every worker has returned (after <c>stop</c> was cancelled).</summary>
    public Task StoppedAsync()
    {
        lock (_gate)
        {
            return Task.WhenAll(_running);
        }
    }

    /// <summary>SIGKILLs every container, without status updates.</summary>
    public async Task KillAllAsync()
    {
        PodWorker[] workers;
        lock (_gate)
        {
            workers = [.. _all];
        }

        foreach (var worker in workers)
        {
            try
            {
                await worker.KillAsync(KillLimit);
            }
            catch (TimeoutException)
            {
                context.Report($"pod {worker.Namespace}/{worker.Name} did not exit within {KillLimit.TotalSeconds:0} s of SIGKILL");
            }
        }
    }

    /// <summary>Releases every worker's process and directory.</summary>
    public void DisposeAll()
    {
        lock (_gate)
        {
            foreach (var worker in _all)
            {
                worker.Dispose();
            }
        }
    }

    private void Dispatch(V1Pod pod)
    {
        lock (_gate)
        {
            if (_current.TryGetValue(pod.Uid(), out var known))
            {
                known.Update(pod);
                return;
            }

            if (pod.Status?.Phase is "Succeeded" or "Failed" && pod.Metadata.DeletionTimestamp is null)
            {
                return; // Finished before this kubelet saw it: it does not run again.
            }

            var worker = new PodWorker(context, pod);
            _current[worker.Uid] = worker;
            _all.Add(worker);
            _running.Add(Task.Run(() => worker.RunAsync(stop), CancellationToken.None));
        }
    }

    private void Forget(string uid)
    {
        PodWorker? worker;
        lock (_gate)
        {
            _current.Remove(uid, out worker);
        }

        worker?.Remove();
    }
}
