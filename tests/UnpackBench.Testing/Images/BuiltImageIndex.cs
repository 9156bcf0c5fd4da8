namespace UnpackBench.Testing.Images;

/// <summary>A multi-platform image: an OCI index or Docker manifest list over single-platform images.</summary>
public sealed class BuiltImageIndex : IBuiltImage
{
    internal BuiltImageIndex(
        string? name,
        ImageFormat format,
        Descriptor descriptor,
        IReadOnlyList<BuiltImage> images,
        IReadOnlyList<Descriptor> childManifests,
        BlobStore blobs)
    {
        Name = name;
        Format = format;
        Descriptor = descriptor;
        Images = images;
        ChildManifests = childManifests;
        Blobs = blobs;
    }

    public string? Name { get; }

    public ImageFormat Format { get; }

    /// <summary>The index (or manifest list) descriptor.</summary>
    public Descriptor Descriptor { get; }

    /// <summary>The per-platform images, in index order.</summary>
    public IReadOnlyList<BuiltImage> Images { get; }

    public IReadOnlyList<Descriptor> ChildManifests { get; }

    public BlobStore Blobs { get; }

    public IReadOnlyList<Descriptor> BlobDescriptors =>
        [.. Images.SelectMany(image => image.BlobDescriptors).DistinctBy(descriptor => descriptor.Digest)];

    public IReadOnlyDictionary<Platform, string> ManifestDigests =>
        Images.ToDictionary(image => image.Platform, image => image.ManifestDigest);

    /// <summary>The image for <paramref name="platform"/>; throws naming the platforms present otherwise.</summary>
    public BuiltImage ImageFor(Platform platform) =>
        Images.FirstOrDefault(image => image.Platform == platform)
        ?? throw new KeyNotFoundException($"the index has no {platform} image; it has {string.Join(", ", Images.Select(image => image.Platform))}.");
}
