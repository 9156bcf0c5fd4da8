namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// How a watch begins: the events it must replay first (synthetic ADDED for the current objects, or the
/// history after the requested resourceVersion) and the subscription for what follows — or, when the
/// requested resourceVersion is compacted away, the 410 error to send instead. StartResourceVersion is
/// the resourceVersion the watch is current at once the replay is written.
/// </summary>
internal sealed record WatchStart(IReadOnlyList<WatchEventRecord> Replay, WatchSubscription? Subscription, ApiError? Error, long StartResourceVersion);
