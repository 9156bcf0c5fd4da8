namespace UnpackBench.Core.Prediction;

/// <summary>
/// The counted features of an image's layers for one platform: everything a prediction needs from the
/// image. One agent can count an image and any number of calibrations can predict from the result.
/// </summary>
public sealed record ImageFeatures
{
    /// <summary>The <see cref="Kind"/> every image-features document has.</summary>
    public const string DocumentKind = "unpackbench.image-features";

    /// <summary>The schema version.</summary>
    public int SchemaVersion { get; init; } = CalibrationDocument.CurrentSchemaVersion;

    /// <summary>Always <see cref="DocumentKind"/>.</summary>
    public string Kind { get; init; } = DocumentKind;

    /// <summary>The reference as given, or the archive's file name.</summary>
    public required string Reference { get; init; }

    /// <summary>The digest the reference resolved to (an index for multi-platform images).</summary>
    public required string Digest { get; init; }

    /// <summary>The platform's manifest digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>The platform of the manifest, os/arch[/variant].</summary>
    public required string Platform { get; init; }

    /// <summary>Layers, base first.</summary>
    public required IReadOnlyList<LayerFeatures> Layers { get; init; }
}
