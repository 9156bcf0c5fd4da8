namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// One change as the watch cache keeps it: the event type, the resourceVersion it was written at,
/// the object after the change and, for a modification, the object before it (selector-filtered
/// watches need both to tell "now matches" from "no longer matches").
/// </summary>
internal sealed record WatchEventRecord(
    string Type,
    long ResourceVersion,
    ApiResource Resource,
    string Namespace,
    byte[] Object,
    byte[]? Previous)
{
    public const string Added = "ADDED";
    public const string Modified = "MODIFIED";
    public const string Deleted = "DELETED";
    public const string Bookmark = "BOOKMARK";

    public static WatchEventRecord BookmarkAt(long resourceVersion, ApiResource resource) =>
        new(Bookmark, resourceVersion, resource, "", [], null);
}
