using System.Threading.Channels;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>An open watch's queue of changes to one resource type, optionally in one namespace.</summary>
internal sealed class WatchSubscription(ApiResource resource, string? @namespace, bool allowBookmarks)
{
    private readonly Channel<WatchEventRecord> _events = Channel.CreateUnbounded<WatchEventRecord>(
        new UnboundedChannelOptions { SingleReader = true });

    public ApiResource Resource => resource;

    public bool AllowBookmarks => allowBookmarks;

    public ChannelReader<WatchEventRecord> Events => _events.Reader;

    public bool Accepts(WatchEventRecord record) =>
        record.Resource == resource && (@namespace is null || record.Namespace == @namespace);

    public void Offer(WatchEventRecord record) => _events.Writer.TryWrite(record);

    /// <summary>Ends the watch: the stream closes once queued events are written.</summary>
    public void Expire() => _events.Writer.TryComplete();
}
