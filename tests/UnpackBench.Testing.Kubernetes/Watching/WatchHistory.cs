namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// The bounded, cluster-wide event history (the watch cache / etcd's retained revisions). A watch can
/// resume from resourceVersion R only while every event after R is still held; otherwise it gets 410.
/// </summary>
internal sealed class WatchHistory(int capacity)
{
    private readonly Queue<WatchEventRecord> _events = new();

    /// <summary>The newest resourceVersion whose event was dropped: a watch from below it has lost events.</summary>
    public long CompactedThrough { get; private set; }

    public int Count => _events.Count;

    public void Append(WatchEventRecord record)
    {
        _events.Enqueue(record);
        while (_events.Count > capacity)
        {
            CompactedThrough = _events.Dequeue().ResourceVersion;
        }
    }

    public void Compact(long currentResourceVersion)
    {
        _events.Clear();
        CompactedThrough = currentResourceVersion;
    }

    public bool CanResumeFrom(long resourceVersion) => resourceVersion >= CompactedThrough;

    public IEnumerable<WatchEventRecord> After(long resourceVersion, ApiResource resource, string? @namespace) =>
        _events.Where(e => e.ResourceVersion > resourceVersion
            && e.Resource == resource
            && (@namespace is null || e.Namespace == @namespace));
}
