using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Calibration;

/// <summary>A calibration case written as an image: its manifest, in a directory of blobs named by digest.</summary>
/// <param name="Case">The case it was generated from.</param>
/// <param name="Manifest">The manifest's descriptor.</param>
/// <param name="BlobDirectory">Where every blob of the image (layers, config, manifest) is a file named by its digest's hex.</param>
internal sealed record GeneratedImage(CalibrationCase Case, ContentDescriptor Manifest, string BlobDirectory)
{
    /// <summary>The file of the blob <paramref name="digest"/>.</summary>
    public string PathOf(Digest digest) => Path.Combine(BlobDirectory, digest.Hex);
}
