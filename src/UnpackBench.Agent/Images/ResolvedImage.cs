using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>An image's documents for one platform, read and checked, before any layer is touched.</summary>
internal sealed record ResolvedImage
{
    /// <summary>What the reference or archive resolved to: an index or a manifest.</summary>
    public required ContentDescriptor Root { get; init; }

    /// <summary>The exact bytes of <see cref="Root"/>.</summary>
    public required byte[] RootBytes { get; init; }

    /// <summary>The index, when <see cref="Root"/> is one.</summary>
    public required ImageIndex? Index { get; init; }

    /// <summary>The platform's manifest (equals <see cref="Root"/> for single-platform images).</summary>
    public required ContentDescriptor ManifestDescriptor { get; init; }

    /// <summary>The exact bytes of the manifest.</summary>
    public required byte[] ManifestBytes { get; init; }

    /// <summary>The parsed manifest: config and layers.</summary>
    public required ImageManifest Manifest { get; init; }

    /// <summary>The exact bytes of the config.</summary>
    public required byte[] ConfigBytes { get; init; }

    /// <summary>The parsed config: platform and diff IDs.</summary>
    public required ImageConfig Config { get; init; }
}
