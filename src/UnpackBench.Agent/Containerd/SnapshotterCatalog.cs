using UnpackBench.Agent.Containerd.Api.Introspection;

namespace UnpackBench.Agent.Containerd;

/// <summary>Which snapshotters containerd loaded, and why the others did not load.</summary>
internal sealed record SnapshotterCatalog(IReadOnlyList<string> Available, IReadOnlyDictionary<string, string> Unavailable)
{
    /// <summary>Where each loaded snapshotter keeps its data, as its plugin exports it (<c>root</c>).</summary>
    public IReadOnlyDictionary<string, string> Roots { get; init; } = new Dictionary<string, string>();

    private const string SnapshotterPluginType = "io.containerd.snapshotter.v1";

    /// <summary>Asks containerd's introspection service.</summary>
    public static async Task<SnapshotterCatalog> ReadAsync(ContainerdConnection connection, CancellationToken cancellationToken)
    {
        var request = new PluginsRequest { Filters = { $"type=={SnapshotterPluginType}" } };
        var response = await connection.Introspection.PluginsAsync(request, connection.Call(cancellationToken));
        var available = response.Plugins.Where(p => p.InitErr is null).Select(p => p.Id).Order().ToList();
        var unavailable = response.Plugins.Where(p => p.InitErr is not null).ToDictionary(p => p.Id, p => p.InitErr.Message);
        var roots = response.Plugins
            .Where(p => p.InitErr is null && p.Exports.ContainsKey("root"))
            .ToDictionary(p => p.Id, p => p.Exports["root"]);
        return new SnapshotterCatalog(available, unavailable) { Roots = roots };
    }

    /// <summary>
    /// Where <paramref name="name"/> keeps its data: what its plugin exports, or else (containerd 1.6's
    /// native snapshotter exports nothing) its plugin directory beside another snapshotter's, as containerd
    /// lays out its root. Null when neither is known or visible to the agent.
    /// </summary>
    public string? RootOf(string name) => Roots.TryGetValue(name, out var root)
        ? root
        : Roots.Values
            .Select(Path.GetDirectoryName)
            .Where(parent => parent is not null)
            .Select(parent => Path.Combine(parent!, $"{SnapshotterPluginType}.{name}"))
            .FirstOrDefault(Directory.Exists);

    /// <summary>Null when <paramref name="name"/> is usable, otherwise a sentence saying why not and what is.</summary>
    public string? Problem(string name)
    {
        if (Available.Contains(name))
        {
            return null;
        }

        var choices = Available.Count == 0 ? "none" : string.Join(", ", Available);
        return Unavailable.TryGetValue(name, out var why)
            ? $"snapshotter '{name}' is not available on this containerd ({why}); available: {choices}"
            : $"unknown snapshotter '{name}'; this containerd offers: {choices}";
    }
}
