namespace UnpackBench.Testing.Images;

/// <summary>The OCI and Docker media types the builders write, and which one fits a format and compression.</summary>
public static class MediaTypes
{
    public const string OciLayout = "application/vnd.oci.layout.header.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar";
    public const string OciLayerGzip = "application/vnd.oci.image.layer.v1.tar+gzip";
    public const string OciLayerZstd = "application/vnd.oci.image.layer.v1.tar+zstd";

    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";
    public const string DockerConfig = "application/vnd.docker.container.image.v1+json";
    public const string DockerLayer = "application/vnd.docker.image.rootfs.diff.tar";
    public const string DockerLayerGzip = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    /// <summary>The manifest media type of <paramref name="format"/>.</summary>
    public static string Manifest(ImageFormat format) => format == ImageFormat.Oci ? OciManifest : DockerManifest;

    /// <summary>The index (OCI) or manifest list (Docker) media type of <paramref name="format"/>.</summary>
    public static string Index(ImageFormat format) => format == ImageFormat.Oci ? OciIndex : DockerManifestList;

    /// <summary>The image config media type of <paramref name="format"/>.</summary>
    public static string Config(ImageFormat format) => format == ImageFormat.Oci ? OciConfig : DockerConfig;

    /// <summary>The layer media type for <paramref name="format"/> and <paramref name="compression"/>.</summary>
    public static string Layer(ImageFormat format, LayerCompression compression) => (format, compression) switch
    {
        (ImageFormat.Oci, LayerCompression.None) => OciLayer,
        (ImageFormat.Oci, LayerCompression.Gzip) => OciLayerGzip,
        (ImageFormat.Oci, LayerCompression.Zstd) => OciLayerZstd,
        (ImageFormat.Docker, LayerCompression.None) => DockerLayer,
        (ImageFormat.Docker, LayerCompression.Gzip) => DockerLayerGzip,
        (ImageFormat.Docker, LayerCompression.Zstd) => throw new NotSupportedException(
            "Docker schema 2 has no zstd layer media type; build zstd layers into an ImageFormat.Oci image."),
        _ => throw new ArgumentOutOfRangeException(nameof(compression), compression, "unknown format or compression"),
    };
}
