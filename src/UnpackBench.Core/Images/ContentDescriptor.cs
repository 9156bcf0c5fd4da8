namespace UnpackBench.Core.Images;

/// <summary>
/// An OCI descriptor: what a piece of content is (media type), which bytes exactly (digest) and how many (size).
/// Index entries also say which platform the manifest they point to is for.
/// </summary>
public sealed record ContentDescriptor(string MediaType, Digest Digest, long Size)
{
    /// <summary>The platform of a manifest listed in an index; null elsewhere.</summary>
    public Platform? Platform { get; init; }

    /// <summary>Annotations carried by the descriptor (e.g. <c>org.opencontainers.image.ref.name</c>).</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = new Dictionary<string, string>();
}
