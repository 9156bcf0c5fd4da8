using UnpackBench.Agent.Containerd.Api.Introspection;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// Where the content store keeps each blob on disk (<c>ROOT/blobs/ALGORITHM/HEX</c>), for what needs
/// the files themselves rather than containerd's read API: the page-cache actions of <c>--cache</c>
/// and the floors of <c>--floor</c>, which read the blob as containerd's differ does.
/// </summary>
internal sealed class ContentBlobFiles(string root)
{
    private const string ContentPluginType = "io.containerd.content.v1";

    /// <summary>The content store's directory.</summary>
    public string Root { get; } = root;

    /// <summary>The file of the blob <paramref name="digest"/>.</summary>
    public string PathOf(Digest digest) => Path.Combine(Root, "blobs", digest.Algorithm, digest.Hex);

    /// <summary>
    /// The content store of <paramref name="connection"/>'s containerd: where its content plugin says its
    /// root is, or else (containerd 1.6 does not say) the plugin directory beside a snapshotter's root in
    /// <paramref name="snapshotterRoots"/>, as containerd lays out its root. Null when the directory is not
    /// visible to the agent (a containerd in another mount namespace).
    /// </summary>
    public static async Task<ContentBlobFiles?> LocateAsync(ContainerdConnection connection, IEnumerable<string> snapshotterRoots, CancellationToken cancellationToken)
    {
        var request = new PluginsRequest { Filters = { $"type=={ContentPluginType}" } };
        var response = await connection.Introspection.PluginsAsync(request, connection.Call(cancellationToken));
        var reported = response.Plugins
            .Where(p => p.InitErr is null && p.Exports.ContainsKey("root"))
            .Select(p => p.Exports["root"]);
        var beside = snapshotterRoots
            .Select(Path.GetDirectoryName)
            .Where(parent => parent is not null)
            .Select(parent => Path.Combine(parent!, ContentPluginType + ".content"));
        // A fresh content store has no blobs directory yet; its own directory exists from containerd's start.
        return reported.Concat(beside).FirstOrDefault(Directory.Exists) is { } found
            ? new ContentBlobFiles(found)
            : null;
    }
}
