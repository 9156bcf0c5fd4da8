namespace UnpackBench.Core.Images;

/// <summary>Picks the one manifest of an index that a platform asks for.</summary>
public static class PlatformSelector
{
    /// <summary>
    /// Returns the index entry for <paramref name="wanted"/>. An exact variant match wins over an
    /// entry without variant; attestation manifests (platform <c>unknown/unknown</c>) are never chosen.
    /// </summary>
    /// <exception cref="ImageFormatException">No entry matches; the message lists the platforms the image has.</exception>
    public static ContentDescriptor Select(ImageIndex index, Platform wanted)
    {
        var candidates = index.Manifests
            .Where(m => m.Platform is not null && !IsAttestation(m) && (MediaTypes.IsManifest(m.MediaType) || m.MediaType.Length == 0))
            .Where(m => wanted.Accepts(m.Platform!))
            .OrderByDescending(m => m.Platform!.Variant == wanted.Variant)
            .ToList();
        if (candidates.Count > 0)
        {
            return candidates[0];
        }

        var available = index.Manifests
            .Where(m => m.Platform is not null && !IsAttestation(m))
            .Select(m => m.Platform!.ToString())
            .Distinct()
            .ToList();
        var list = available.Count == 0 ? "none declared" : string.Join(", ", available);
        throw new ImageFormatException($"the image has no manifest for platform {wanted}; it offers: {list}. Choose one with --platform");
    }

    // buildkit lists provenance and SBOM manifests under the platform unknown/unknown.
    private static bool IsAttestation(ContentDescriptor entry) => entry.Platform is { Os: "unknown" };
}
