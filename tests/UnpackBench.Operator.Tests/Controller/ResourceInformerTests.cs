using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging.Abstractions;
using UnpackBench.Operator.Controller;

namespace UnpackBench.Operator.Tests.Controller;

/// <summary>What the operator puts into its own caches after a write.</summary>
public sealed class ResourceInformerTests
{
    private static ResourceInformer<V1Pod> Informer() => new(
        "pods",
        _ => Task.FromResult<(IList<V1Pod>, string)>(([], "1")),
        (_, _, _) => AsyncEnumerable.Empty<(WatchEventType, V1Pod)>(),
        NullLogger.Instance);

    private static V1Pod Pod(string resourceVersion, bool deleting = false) => new()
    {
        Metadata = new V1ObjectMeta { Name = "agent", NamespaceProperty = "ns", ResourceVersion = resourceVersion, DeletionTimestamp = deleting ? DateTime.UnixEpoch : null },
    };

    [Fact]
    public void A_delete_answered_after_the_watch_removed_the_pod_does_not_bring_it_back()
    {
        var informer = Informer();

        informer.UpdateIfPresent(Pod("7", deleting: true));

        Assert.Null(informer.Get("ns", "agent"));
    }

    [Fact]
    public void A_delete_answered_before_the_watch_spoke_marks_the_cached_pod_as_deleting()
    {
        var informer = Informer();
        informer.Upsert(Pod("5"));

        informer.UpdateIfPresent(Pod("7", deleting: true));

        Assert.NotNull(informer.Get("ns", "agent")!.Metadata.DeletionTimestamp);
    }

    [Fact]
    public void An_older_answer_never_replaces_what_the_watch_already_delivered()
    {
        var informer = Informer();
        informer.Upsert(Pod("9"));

        informer.UpdateIfPresent(Pod("7", deleting: true));

        Assert.Equal("9", informer.Get("ns", "agent")!.Metadata.ResourceVersion);
    }
}
