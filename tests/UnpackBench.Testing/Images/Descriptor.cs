using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>An OCI content descriptor: what a blob is, its digest and size, and for index entries its platform.</summary>
public sealed record Descriptor(string MediaType, string Digest, long Size)
{
    /// <summary>Set on the entries of an index or manifest list.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Descriptor annotations, e.g. <c>org.opencontainers.image.ref.name</c> in <c>index.json</c>.</summary>
    public IReadOnlyDictionary<string, string>? Annotations { get; init; }

    /// <summary>The hex part of <see cref="Digest"/>.</summary>
    public string Hex => ContentDigest.Hex(Digest);

    /// <summary>The JSON shape used inside manifests and indexes.</summary>
    public JsonObject ToJson()
    {
        var json = new JsonObject { ["mediaType"] = MediaType, ["digest"] = Digest, ["size"] = Size };
        if (Platform is not null)
        {
            json["platform"] = Platform.ToJson();
        }

        if (Annotations is { Count: > 0 })
        {
            var annotations = new JsonObject();
            foreach (var (key, value) in Annotations.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                annotations[key] = value;
            }

            json["annotations"] = annotations;
        }

        return json;
    }
}
