using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>
/// An OCI image layout directory: <c>oci-layout</c>, <c>index.json</c> listing the named images, and every blob
/// of every image built into it under <c>blobs/sha256/</c>.
/// </summary>
public sealed class OciLayout
{
    /// <summary>The annotation naming an image in <c>index.json</c>.</summary>
    public const string RefNameAnnotation = "org.opencontainers.image.ref.name";

    private readonly List<Descriptor> _manifests = [];
    private readonly Lock _indexLock = new();

    private OciLayout(string path)
    {
        Path = path;
        Blobs = new BlobStore(path);
    }

    /// <summary>The layout directory.</summary>
    public string Path { get; }

    /// <summary>The blob store under <c>blobs/sha256/</c>.</summary>
    public BlobStore Blobs { get; }

    /// <summary>The entries of <c>index.json</c>.</summary>
    public IReadOnlyList<Descriptor> Manifests
    {
        get
        {
            lock (_indexLock)
            {
                return [.. _manifests];
            }
        }
    }

    /// <summary>Creates the layout (directory, <c>oci-layout</c>, empty <c>index.json</c>) at <paramref name="directory"/>.</summary>
    public static OciLayout Create(string directory)
    {
        var layout = new OciLayout(System.IO.Path.GetFullPath(directory));
        File.WriteAllText(System.IO.Path.Combine(layout.Path, "oci-layout"), LayoutFileJson());
        layout.WriteIndex();
        return layout;
    }

    /// <summary>The content of an <c>oci-layout</c> file.</summary>
    public static string LayoutFileJson() => """{"imageLayoutVersion":"1.0.0"}""";

    /// <summary>
    /// The content of an <c>index.json</c> listing <paramref name="manifests"/>.
    /// </summary>
    public static string IndexJson(IEnumerable<Descriptor> manifests) => ImageJson.ToText(new JsonObject
    {
        ["schemaVersion"] = 2,
        ["mediaType"] = MediaTypes.OciIndex,
        ["manifests"] = new JsonArray([.. manifests.Select(descriptor => descriptor.ToJson())]),
    });

    /// <summary>A copy of <paramref name="descriptor"/> carrying the ref-name annotation when <paramref name="name"/> is set.</summary>
    public static Descriptor Named(Descriptor descriptor, string? name) => name is null
        ? descriptor
        : descriptor with { Annotations = new Dictionary<string, string> { [RefNameAnnotation] = name } };

    /// <summary>Lists <paramref name="descriptor"/> in <c>index.json</c>, annotated with <paramref name="name"/> when given.</summary>
    public void AddToIndex(Descriptor descriptor, string? name)
    {
        lock (_indexLock)
        {
            _manifests.Add(Named(descriptor, name));
            WriteIndex();
        }
    }

    private void WriteIndex() => File.WriteAllText(System.IO.Path.Combine(Path, "index.json"), IndexJson(_manifests));
}
