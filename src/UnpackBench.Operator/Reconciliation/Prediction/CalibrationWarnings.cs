using System.Globalization;
using k8s.Models;
using UnpackBench.Analysis.Prediction;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>
/// Why a node's prediction may not hold, each a short sentence for its status row: the calibration is older
/// than allowed; the node changed since it was calibrated (its kernel, its container runtime); the calibration
/// measured another snapshotter than the one asked for; the image was counted for another architecture.
/// </summary>
public static class CalibrationWarnings
{
    /// <summary>The node's architecture label.</summary>
    public const string ArchitectureLabel = "kubernetes.io/arch";

    /// <summary>The warnings about predicting <paramref name="node"/> from <paramref name="calibration"/>.</summary>
    /// <param name="calibration">The node's calibration.</param>
    /// <param name="node">The Node as it is now.</param>
    /// <param name="snapshotter">The snapshotter the prediction is for.</param>
    /// <param name="platform">The platform the image was counted for (os/arch[/variant]).</param>
    /// <param name="maxAgeDays">The age past which a calibration is stale.</param>
    /// <param name="now">The time of the prediction.</param>
    public static IReadOnlyList<string> For(NodeCalibration calibration, V1Node node, string snapshotter, string platform, int maxAgeDays, DateTimeOffset now)
    {
        var warnings = new List<string>();
        var conditions = calibration.Document.Conditions;
        var age = now - calibration.Document.CreatedAt;
        if (age > TimeSpan.FromDays(maxAgeDays))
        {
            warnings.Add(string.Create(CultureInfo.InvariantCulture, $"the calibration is {age.TotalDays:0} days old, more than spec.prediction.maxCalibrationAgeDays ({maxAgeDays}): calibrate the node again"));
        }

        var info = node.Status?.NodeInfo;
        if (Known(info?.KernelVersion) is { } kernel && Known(conditions.Kernel) is { } calibrated && kernel != calibrated)
        {
            warnings.Add($"the node runs kernel {kernel} now, the calibration measured {calibrated}: calibrate the node again");
        }

        if (Known(info?.ContainerRuntimeVersion) is { } runtime && Known(calibration.NodeRuntime) is { } then && runtime != then)
        {
            warnings.Add($"the node's container runtime changed since its calibration ({then} then, {runtime} now): calibrate the node again");
        }

        if (conditions.Snapshotter != snapshotter)
        {
            warnings.Add($"the calibration measured snapshotter {conditions.Snapshotter}, the prediction is for {snapshotter}: calibrate the node with snapshotter {snapshotter}");
        }

        var architecture = platform.Split('/') is { Length: >= 2 } parts ? parts[1] : null;
        if (node.Metadata?.Labels?.TryGetValue(ArchitectureLabel, out var nodeArchitecture) == true && architecture is not null && nodeArchitecture != architecture)
        {
            warnings.Add($"the image was counted for {platform}, the node is {nodeArchitecture}: set spec.platform to the node's platform");
        }

        return warnings;
    }

    private static string? Known(string? value) => string.IsNullOrEmpty(value) || value == ConditionComparison.Unknown ? null : value;
}
