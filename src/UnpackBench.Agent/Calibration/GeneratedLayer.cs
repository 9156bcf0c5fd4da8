using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Calibration;

/// <summary>A synthetic layer written to disk: its blob's descriptor, its diff ID and where the blob is.</summary>
/// <param name="Descriptor">Media type, digest and size of the blob.</param>
/// <param name="DiffId">The digest of the uncompressed tar.</param>
/// <param name="BlobPath">The blob file.</param>
internal sealed record GeneratedLayer(ContentDescriptor Descriptor, Digest DiffId, string BlobPath);
