namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Eviction as the kubelet carries it out under node pressure (a hard threshold): the container is killed
/// at once, without a grace period, and the pod ends Failed with reason <c>Evicted</c> and the kubelet's
/// message; it is not deleted, so its status stays for its owner to read.
/// </summary>
internal sealed partial class PodWorker
{
    private const string EvictedReason = "Evicted";
    private string? _eviction;

    /// <summary>Evicts the pod with <paramref name="message"/> (e.g. <c>The node was low on resource: ephemeral-storage.</c>).</summary>
    public void Evict(string message)
    {
        lock (_gate)
        {
            _eviction = message;
        }

        Signal();
    }

    private string? Eviction
    {
        get
        {
            lock (_gate)
            {
                return _eviction;
            }
        }
    }

    private ContainerSnapshot Evicted(ContainerSnapshot terminated) => terminated with
    {
        Phase = "Failed",
        PodReason = EvictedReason,
        PodMessage = Eviction,
    };
}
