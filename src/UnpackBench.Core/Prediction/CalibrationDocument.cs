using UnpackBench.Core.Results;

namespace UnpackBench.Core.Prediction;

/// <summary>
/// What <c>unpackbench-agent calibrate</c> learned about one node: the node and the conditions it was
/// measured under, the fitted model, its error, and every training layer. Small enough for a
/// ConfigMap (<see cref="PredictionJson.MaxDocumentBytes"/>), and all a prediction needs besides an
/// image's <see cref="ImageFeatures"/>.
/// </summary>
public sealed record CalibrationDocument
{
    /// <summary>The <see cref="Kind"/> every calibration document has.</summary>
    public const string DocumentKind = "unpackbench.calibration";

    /// <summary>The schema this version writes and reads.</summary>
    public const int CurrentSchemaVersion = 1;

    /// <summary>The schema version; readers refuse others.</summary>
    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>Always <see cref="DocumentKind"/>, so a result document cannot be mistaken for a calibration.</summary>
    public string Kind { get; init; } = DocumentKind;

    /// <summary>When the calibration finished.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The calibration set that was measured (<c>standard</c>, <c>quick</c>).</summary>
    public required string Set { get; init; }

    /// <summary>Timed runs per calibration case.</summary>
    public required int Runs { get; init; }

    /// <summary>Untimed runs before them.</summary>
    public required int WarmupRuns { get; init; }

    /// <summary>The conditions the model holds for.</summary>
    public required UnpackConditions Conditions { get; init; }

    /// <summary>The node, as the result document describes it.</summary>
    public required EnvironmentDescription Node { get; init; }

    /// <summary>The fitted model.</summary>
    public required UnpackModel Model { get; init; }

    /// <summary>The model's error on its training layers and cases.</summary>
    public required TrainingError TrainingError { get; init; }

    /// <summary>Whether the node's costs held still during the calibration; null in documents written before it was checked.</summary>
    public CalibrationStability? Stability { get; init; }

    /// <summary>Every training layer.</summary>
    public required IReadOnlyList<CalibrationObservation> Observations { get; init; }

    /// <summary>What a reader of the model must know: observations the calibration refused and why, or a filesystem that makes the costs drift.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
