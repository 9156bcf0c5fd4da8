namespace UnpackBench.Testing.Images;

/// <summary>
/// What pushing or exporting an image needs, for a single-platform image and a multi-platform index alike.
/// </summary>
public interface IBuiltImage
{
    /// <summary>The reference given at build time (e.g. <c>docker.io/unpackbench/sample:v1</c>), or null.</summary>
    string? Name { get; }

    /// <summary>OCI or Docker media types.</summary>
    ImageFormat Format { get; }

    /// <summary>The top descriptor: the manifest of a single image, or the index / manifest list.</summary>
    Descriptor Descriptor { get; }

    /// <summary>Where every blob of the image is stored.</summary>
    BlobStore Blobs { get; }

    /// <summary>Layer and config blobs, each once (what a registry push uploads as blobs).</summary>
    IReadOnlyList<Descriptor> BlobDescriptors { get; }

    /// <summary>Per-platform manifests under an index, with their platforms; empty for a single image.</summary>
    IReadOnlyList<Descriptor> ChildManifests { get; }

    /// <summary>The manifest digest of each platform.</summary>
    IReadOnlyDictionary<Platform, string> ManifestDigests { get; }
}
