namespace UnpackBench.Core.Images;

/// <summary>A single-platform image manifest: its config and its layers, base layer first.</summary>
public sealed record ImageManifest(string MediaType, ContentDescriptor Config, IReadOnlyList<ContentDescriptor> Layers);

/// <summary>A multi-platform index (OCI index or Docker manifest list): one manifest per platform.</summary>
public sealed record ImageIndex(string MediaType, IReadOnlyList<ContentDescriptor> Manifests);

/// <summary>The parts of an image config the benchmark needs: the platform and the uncompressed layer digests.</summary>
public sealed record ImageConfig(Platform Platform, IReadOnlyList<Digest> DiffIds);
