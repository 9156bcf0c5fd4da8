using UnpackBench.Agent.Calibration;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Turns an <see cref="AgentCalibrateRequest"/> into <see cref="CalibrationSettings"/>, or into every
/// problem at once. The options calibrate shares with <c>run</c> are checked by <c>run</c>'s own rules
/// (<see cref="RunRequestValidator"/>), with the calibration's images standing in for <c>--archive</c>,
/// so a value means and allows the same in both commands.
/// </summary>
internal static class CalibrateRequestValidator
{
    /// <summary>Stands in for the archive while the shared options are checked; each image replaces it.</summary>
    private const string ImagesPlaceholder = "calibration-images";

    /// <summary>Validates; returns settings or the problems.</summary>
    public static (CalibrationSettings? Settings, IReadOnlyList<string> Problems) Validate(
        AgentCalibrateRequest request, Func<string, string?> environment, string workingDirectory, Platform machinePlatform, Func<string, bool> fileExists)
    {
        var problems = new List<string>();
        var setName = request.Set ?? CalibrationSets.Standard;
        var set = CalibrationSet.Named(setName);
        if (set is null)
        {
            problems.Add($"{AgentCalibrateOptions.Set.Name} '{setName}' is not a calibration set: use {string.Join(" or ", CalibrationSets.All)}");
        }

        if (request.Run.Snapshotters.Count > 1)
        {
            problems.Add($"{AgentCalibrateOptions.Snapshotter.Name} is given {request.Run.Snapshotters.Count} times; a calibration is one snapshotter's model (calibrate once for each)");
        }

        var placeholder = Path.GetFullPath(ImagesPlaceholder, workingDirectory);
        var run = request.Run with
        {
            Archive = placeholder,
            Runs = request.Run.Runs ?? CalibrationSets.DefaultRuns,
            Warmup = request.Run.Warmup ?? CalibrationSets.DefaultWarmupRuns,
            Cache = request.Run.Cache ?? CalibrationSets.DefaultCacheMode,
        };
        var (benchmark, shared) = RunRequestValidator.Validate(run, environment, workingDirectory, machinePlatform, path => path == placeholder || fileExists(path));
        problems.AddRange(shared);
        if (problems.Count > 0 || benchmark is null || set is null)
        {
            return (null, problems);
        }

        return (new CalibrationSettings
        {
            Set = set,
            Benchmark = benchmark,
            ImageDirectory = Path.Combine(benchmark.RootDirectory, "calibration"),
            OutputDirectory = benchmark.OutputDirectory,
            PrintJson = benchmark.PrintJson,
        }, problems);
    }
}
