namespace UnpackBench.Testing.Images;

/// <summary>How a layer blob is compressed.</summary>
public enum LayerCompression
{
    /// <summary>The plain tar.</summary>
    None,

    /// <summary>gzip (System.IO.Compression).</summary>
    Gzip,

    /// <summary>zstd (ZstdSharp); OCI media types only, Docker schema 2 has none for it.</summary>
    Zstd,
}
