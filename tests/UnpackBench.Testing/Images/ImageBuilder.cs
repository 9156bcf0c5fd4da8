using System.Text;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Assembles built layers into a single-platform image: writes the image config (platform, rootfs diff IDs,
/// history, a minimal Env/Cmd) and the manifest, as OCI or Docker schema 2, into an <see cref="OciLayout"/>.
/// </summary>
public sealed class ImageBuilder
{
    /// <summary>The <c>created</c> time written into configs and history: the layers' modification time.</summary>
    public static readonly DateTimeOffset Created = LayerBuilder.ModificationTime;

    private readonly Platform _platform;
    private readonly List<BuiltLayer> _layers = [];
    private readonly List<string> _env = ["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"];
    private string[] _cmd = ["/bin/sh"];

    public ImageBuilder(Platform platform) => _platform = platform;

    /// <summary>Appends a layer on top of those added so far.</summary>
    public ImageBuilder WithLayer(BuiltLayer layer)
    {
        _layers.Add(layer);
        return this;
    }

    /// <summary>Appends layers, bottom first.</summary>
    public ImageBuilder WithLayers(IEnumerable<BuiltLayer> layers)
    {
        _layers.AddRange(layers);
        return this;
    }

    /// <summary>Adds a <c>KEY=value</c> environment entry to the config.</summary>
    public ImageBuilder WithEnv(string keyValue)
    {
        _env.Add(keyValue);
        return this;
    }

    /// <summary>Sets the config's <c>Cmd</c>.</summary>
    public ImageBuilder WithCmd(params string[] cmd)
    {
        _cmd = cmd;
        return this;
    }

    /// <summary>
    /// Writes config and manifest blobs into <paramref name="layout"/> (whose blob store must hold the layers) and,
    /// when <paramref name="name"/> is given, lists the manifest in <c>index.json</c> under that name.
    /// Images meant only for an <see cref="ImageIndexBuilder"/> are built without a name.
    /// </summary>
    public BuiltImage Build(OciLayout layout, ImageFormat format = ImageFormat.Oci, string? name = null)
    {
        if (_layers.Count == 0)
        {
            throw new InvalidOperationException("An image needs at least one layer; add one with WithLayer.");
        }

        foreach (var (layer, index) in _layers.Select((layer, index) => (layer, index)))
        {
            if (!layout.Blobs.Contains(layer.Digest))
            {
                throw new InvalidOperationException(
                    $"layer {index + 1}/{_layers.Count} ({layer.Digest}) is not in the layout at {layout.Path}; build it with that layout's blob store.");
            }
        }

        var layerDescriptors = _layers.ConvertAll(layer => layer.Descriptor(format));
        var config = layout.Blobs.Add(Encoding.UTF8.GetBytes(ConfigJson()), MediaTypes.Config(format));
        var manifestJson = ImageJson.ToText(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.Manifest(format),
            ["config"] = config.ToJson(),
            ["layers"] = new JsonArray([.. layerDescriptors.Select(descriptor => descriptor.ToJson())]),
        });
        var manifest = layout.Blobs.Add(Encoding.UTF8.GetBytes(manifestJson), MediaTypes.Manifest(format));
        if (name is not null)
        {
            layout.AddToIndex(manifest, name);
        }

        return new BuiltImage(name, format, _platform, manifest, config, [.. _layers], layout.Blobs);
    }

    private string ConfigJson()
    {
        var config = _platform.ToJson();
        config["created"] = Created.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        config["config"] = new JsonObject
        {
            ["Env"] = new JsonArray([.. _env.Select(value => JsonValue.Create(value))]),
            ["Cmd"] = new JsonArray([.. _cmd.Select(value => JsonValue.Create(value))]),
        };
        config["rootfs"] = new JsonObject
        {
            ["type"] = "layers",
            ["diff_ids"] = new JsonArray([.. _layers.Select(layer => JsonValue.Create(layer.DiffId))]),
        };
        config["history"] = new JsonArray([.. _layers.Select((layer, index) => (JsonNode)new JsonObject
        {
            ["created"] = config["created"]!.GetValue<string>(),
            ["created_by"] = $"unpackbench test layer {index + 1} ({layer.Entries.Count} entries, {layer.Compression})",
        })]);
        return ImageJson.ToText(config);
    }
}
