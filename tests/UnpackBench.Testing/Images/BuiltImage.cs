using UnpackBench.Testing.FileTrees;

namespace UnpackBench.Testing.Images;

/// <summary>
/// A single-platform image written to an <see cref="OciLayout"/>: its manifest and config descriptors, layers,
/// diff and chain IDs, and the filesystem unpacking it must produce.
/// </summary>
public sealed class BuiltImage : IBuiltImage
{
    private readonly Lazy<FileTree> _expectedTree;

    internal BuiltImage(
        string? name,
        ImageFormat format,
        Platform platform,
        Descriptor manifest,
        Descriptor config,
        IReadOnlyList<BuiltLayer> layers,
        BlobStore blobs)
    {
        Name = name;
        Format = format;
        Platform = platform;
        Descriptor = manifest;
        Config = config;
        Layers = layers;
        Blobs = blobs;
        _expectedTree = new Lazy<FileTree>(() => FileTrees.ExpectedTree.FromLayers(layers));
    }

    public string? Name { get; }

    public ImageFormat Format { get; }

    /// <summary>The platform written into the config.</summary>
    public Platform Platform { get; }

    /// <summary>The manifest descriptor.</summary>
    public Descriptor Descriptor { get; }

    /// <summary>The manifest digest.</summary>
    public string ManifestDigest => Descriptor.Digest;

    /// <summary>The config descriptor.</summary>
    public Descriptor Config { get; }

    /// <summary>The config digest (containerd's image ID).</summary>
    public string ConfigDigest => Config.Digest;

    /// <summary>The layers, bottom first.</summary>
    public IReadOnlyList<BuiltLayer> Layers { get; }

    /// <summary>The layer descriptors as written in the manifest.</summary>
    public IReadOnlyList<Descriptor> LayerDescriptors => [.. Layers.Select(layer => layer.Descriptor(Format))];

    /// <summary>The digests of the uncompressed layer tars, as in the config's <c>rootfs.diff_ids</c>.</summary>
    public IReadOnlyList<string> DiffIds => [.. Layers.Select(layer => layer.DiffId)];

    /// <summary>The chain ID of each layer prefix; the last one names the image's top snapshot in containerd.</summary>
    public IReadOnlyList<string> ChainIds => ChainId.Compute(DiffIds);

    /// <summary>The filesystem the layers produce when applied in order with OCI whiteout semantics.</summary>
    public FileTree ExpectedTree => _expectedTree.Value;

    public BlobStore Blobs { get; }

    public IReadOnlyList<Descriptor> BlobDescriptors => [.. LayerDescriptors.DistinctBy(descriptor => descriptor.Digest), Config];

    public IReadOnlyList<Descriptor> ChildManifests => [];

    public IReadOnlyDictionary<Platform, string> ManifestDigests => new Dictionary<Platform, string> { [Platform] = ManifestDigest };
}
