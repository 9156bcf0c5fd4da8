using UnpackBench.Core.Prediction;

namespace UnpackBench.Analysis.Prediction;

/// <summary>
/// Compares the conditions a calibration was measured under with those of the unpack it is asked to
/// predict (or of a measurement it is checked against). Each difference is a warning sentence; a value
/// the target does not know (<see cref="Unknown"/>) is not compared.
/// </summary>
public static class ConditionComparison
{
    /// <summary>A condition's value when it could not be found out.</summary>
    public const string Unknown = "unknown";

    /// <summary>One sentence per condition that differs between <paramref name="calibration"/> and <paramref name="target"/>.</summary>
    /// <param name="calibration">The calibration's conditions.</param>
    /// <param name="target">The other unpack's conditions.</param>
    /// <param name="targetName">How the sentences name the other unpack, e.g. "this machine".</param>
    public static IReadOnlyList<string> Differences(UnpackConditions calibration, UnpackConditions target, string targetName)
    {
        var warnings = new List<string>();
        Compare(warnings, "containerd", calibration.ContainerdVersion, target.ContainerdVersion, targetName, "containerd version");
        Compare(warnings, "snapshotter", calibration.Snapshotter, target.Snapshotter, targetName, "snapshotter");
        Compare(warnings, "gzip decompressor", calibration.Decompressor, target.Decompressor, targetName, "decompressor");
        Compare(warnings, "kernel", calibration.Kernel, target.Kernel, targetName, "kernel");
        Compare(warnings, "cache mode", calibration.CacheMode, target.CacheMode, targetName, "cache mode");
        return warnings;
    }

    private static void Compare(List<string> warnings, string what, string calibrated, string target, string targetName, string condition)
    {
        if (target == Unknown || calibrated == Unknown || string.Equals(calibrated, target, StringComparison.Ordinal))
        {
            return;
        }

        warnings.Add($"the calibration was measured with {what} {calibrated}, but {targetName} has {target}: the prediction holds for the calibration's {condition}; calibrate under the same conditions to predict these");
    }
}
