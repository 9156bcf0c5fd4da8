namespace UnpackBench.Core.Images;

/// <summary>The OCI and Docker media types the agent understands.</summary>
public static class MediaTypes
{
    /// <summary>OCI image index (multi-platform).</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>OCI image config.</summary>
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";

    /// <summary>Uncompressed OCI layer.</summary>
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";

    /// <summary>gzip-compressed OCI layer.</summary>
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";

    /// <summary>zstd-compressed OCI layer.</summary>
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";

    /// <summary>Non-distributable OCI layer, uncompressed (its publisher restricts copying it).</summary>
    public const string OciLayerNonDistributable = "application/vnd.oci.image.layer.nondistributable.v1.tar";

    /// <summary>Non-distributable OCI layer, gzip-compressed.</summary>
    public const string OciLayerNonDistributableGzip = "application/vnd.oci.image.layer.nondistributable.v1.tar+gzip";

    /// <summary>Non-distributable OCI layer, zstd-compressed.</summary>
    public const string OciLayerNonDistributableZstd = "application/vnd.oci.image.layer.nondistributable.v1.tar+zstd";

    /// <summary>Docker foreign layer (gzip), the Docker form of a non-distributable layer.</summary>
    public const string DockerForeignLayerGzip = "application/vnd.docker.image.rootfs.foreign.diff.tar.gzip";

    /// <summary>Docker manifest list (multi-platform).</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker image config.</summary>
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";

    /// <summary>gzip-compressed Docker layer.</summary>
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>Uncompressed Docker layer, as <c>docker save</c> writes them.</summary>
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";

    /// <summary>Whether the media type names a multi-platform list of manifests.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>Whether the media type names a single-platform manifest.</summary>
    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;

    /// <summary>Whether containerd's differ can apply a layer of this media type.</summary>
    public static bool IsSupportedLayer(string mediaType) =>
        mediaType is OciLayer or OciLayerGzip or OciLayerZstd or DockerLayerGzip or DockerLayer || IsNonDistributableLayer(mediaType);

    /// <summary>Whether the layer's publisher marked it non-distributable (its copies must not be passed on).</summary>
    public static bool IsNonDistributableLayer(string mediaType) =>
        mediaType is OciLayerNonDistributable or OciLayerNonDistributableGzip or OciLayerNonDistributableZstd or DockerForeignLayerGzip;

    /// <summary>How a layer of this media type is compressed: none, gzip or zstd.</summary>
    public static string CompressionOf(string mediaType) => mediaType switch
    {
        OciLayerGzip or DockerLayerGzip or OciLayerNonDistributableGzip or DockerForeignLayerGzip => "gzip",
        OciLayerZstd or OciLayerNonDistributableZstd => "zstd",
        _ => "none",
    };

    /// <summary>The Accept header value a registry needs to return any manifest kind we understand.</summary>
    public const string ManifestAccept =
        OciIndex + ", " + OciManifest + ", " + DockerManifestList + ", " + DockerManifest;
}
