using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// WATCH: a chunked stream of JSON lines <c>{"type":…,"object":…}</c>. From resourceVersion unset or "0" it
/// starts with ADDED for every current object; from a resourceVersion it replays the history after it, or
/// — when that is compacted — sends one ERROR event with a 410 Expired Status and closes, as the real
/// server does. With selectors, an object that starts matching arrives as ADDED and one that stops
/// matching as DELETED. <c>timeoutSeconds</c> closes the stream cleanly (after a BOOKMARK when
/// <c>allowWatchBookmarks</c> is set).
/// </summary>
internal sealed class WatchEndpoint(ObjectStore store)
{
    private static readonly byte[] Newline = "}\n"u8.ToArray();

    public async Task WatchAsync(ApiRequest request)
    {
        var matches = ListEndpoint.Matcher(request);
        var filtered = !string.IsNullOrEmpty(request.Query["labelSelector"]) || !string.IsNullOrEmpty(request.Query["fieldSelector"]);
        var from = ParseResourceVersion(request.Query["resourceVersion"]);
        var bookmarks = request.Query["allowWatchBookmarks"].ToString() is "true" or "1";
        var start = store.OpenWatch(request.Resource, request.Namespace, from, bookmarks);

        var response = request.Context.Response;
        response.StatusCode = 200;
        response.ContentType = "application/json";
        await response.StartAsync(request.Context.RequestAborted);
        if (start.Error is not null)
        {
            await WriteEventAsync(response, "ERROR", JsonBytes.Of(start.Error.ToStatus()), request.Context.RequestAborted);
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(request.Context.RequestAborted);
        if (long.TryParse(request.Query["timeoutSeconds"], out var seconds) && seconds > 0)
        {
            timeout.CancelAfter(TimeSpan.FromSeconds(seconds));
        }

        // Only waiting for events observes the timeout; an event being written is always finished.
        var aborted = request.Context.RequestAborted;
        var seen = start.StartResourceVersion;
        try
        {
            foreach (var record in start.Replay)
            {
                seen = Math.Max(seen, record.ResourceVersion);
                await WriteAsync(response, record, filtered, matches, aborted);
            }

            await foreach (var record in start.Subscription!.Events.ReadAllAsync(timeout.Token))
            {
                seen = Math.Max(seen, record.ResourceVersion);
                await WriteAsync(response, record, filtered, matches, aborted);
            }
        }
        catch (OperationCanceledException) when (!request.Context.RequestAborted.IsCancellationRequested)
        {
            if (bookmarks)
            {
                await WriteEventAsync(response, WatchEventRecord.Bookmark, BookmarkObject(request.Resource, seen), request.Context.RequestAborted);
            }
        }
        finally
        {
            store.CloseWatch(start.Subscription!);
        }
    }

    private static long? ParseResourceVersion(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "0")
        {
            return null;
        }

        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rv)
            ? rv
            : throw ApiError.BadRequest($"resourceVersion: Invalid value: \"{text}\": strconv.ParseUint: parsing \"{text}\": invalid syntax");
    }

    private static async Task WriteAsync(HttpResponse response, WatchEventRecord record, bool filtered, Func<JsonObject, bool> matches, CancellationToken cancellationToken)
    {
        if (record.Type == WatchEventRecord.Bookmark)
        {
            await WriteEventAsync(response, record.Type, BookmarkObject(record.Resource, record.ResourceVersion), cancellationToken);
            return;
        }

        var type = filtered ? FilteredType(record, matches) : record.Type;
        if (type is not null)
        {
            await WriteEventAsync(response, type, record.Object, cancellationToken);
        }
    }

    /// <summary>What a selector-filtered watcher sees of a change: transitions in and out of the selection become ADDED and DELETED.</summary>
    private static string? FilteredType(WatchEventRecord record, Func<JsonObject, bool> matches)
    {
        var now = matches(JsonBytes.Parse(record.Object));
        if (record.Type != WatchEventRecord.Modified)
        {
            return now ? record.Type : null;
        }

        var before = record.Previous is not null && matches(JsonBytes.Parse(record.Previous));
        return (before, now) switch
        {
            (true, true) => WatchEventRecord.Modified,
            (false, true) => WatchEventRecord.Added,
            (true, false) => WatchEventRecord.Deleted,
            _ => null,
        };
    }

    private static byte[] BookmarkObject(ApiResource resource, long resourceVersion) => JsonBytes.Of(new JsonObject
    {
        ["kind"] = resource.Kind,
        ["apiVersion"] = resource.ApiVersion,
        ["metadata"] = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) },
    });

    private static async Task WriteEventAsync(HttpResponse response, string type, byte[] obj, CancellationToken cancellationToken)
    {
        var head = Encoding.UTF8.GetBytes($"{{\"type\":\"{type}\",\"object\":");
        await response.Body.WriteAsync(head, cancellationToken);
        await response.Body.WriteAsync(obj, cancellationToken);
        await response.Body.WriteAsync(Newline, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
