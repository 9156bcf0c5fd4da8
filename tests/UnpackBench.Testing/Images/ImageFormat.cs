namespace UnpackBench.Testing.Images;

/// <summary>Which family of media types an image's manifests, config and layers use.</summary>
public enum ImageFormat
{
    /// <summary>OCI image spec media types (<c>application/vnd.oci.*</c>).</summary>
    Oci,

    /// <summary>Docker image manifest v2 schema 2 and manifest lists (<c>application/vnd.docker.*</c>).</summary>
    Docker,
}
