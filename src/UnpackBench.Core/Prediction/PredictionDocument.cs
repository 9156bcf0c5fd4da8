namespace UnpackBench.Core.Prediction;

/// <summary>
/// What <c>unpackbench-agent predict</c> says: the image, the calibration it used, the predicted unpack
/// time per layer and in total with prediction intervals, warnings about conditions that differ, and —
/// when a measurement was given — how far off the prediction was.
/// </summary>
public sealed record PredictionDocument
{
    /// <summary>The <see cref="Kind"/> every prediction document has.</summary>
    public const string DocumentKind = "unpackbench.prediction";

    /// <summary>The schema version.</summary>
    public int SchemaVersion { get; init; } = CalibrationDocument.CurrentSchemaVersion;

    /// <summary>Always <see cref="DocumentKind"/>.</summary>
    public string Kind { get; init; } = DocumentKind;

    /// <summary>When the prediction was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The image as resolved: reference, digests, platform.</summary>
    public required string Reference { get; init; }

    /// <summary>The digest the reference resolved to.</summary>
    public required string Digest { get; init; }

    /// <summary>The platform's manifest digest.</summary>
    public required string ManifestDigest { get; init; }

    /// <summary>The platform.</summary>
    public required string Platform { get; init; }

    /// <summary>The calibration the prediction comes from.</summary>
    public required CalibrationSummary Calibration { get; init; }

    /// <summary>The two-sided level of every interval (0.95).</summary>
    public required double ConfidenceLevel { get; init; }

    /// <summary>Per layer, base first.</summary>
    public required IReadOnlyList<LayerPrediction> Layers { get; init; }

    /// <summary>The whole image: the layers' sum.</summary>
    public required PredictedDuration Total { get; init; }

    /// <summary>Conditions that differ from the calibration's, and other reasons to doubt the prediction.</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    /// <summary>The prediction against a measured run of the image; null when none was given.</summary>
    public PredictionCheck? Check { get; init; }
}
