using UnpackBench.Agent.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Turns an <see cref="AgentPredictRequest"/> into <see cref="PredictSettings"/>, or into every problem at
/// once. The image options are checked by <c>run</c>'s own rules (<see cref="RunRequestValidator"/>).
/// </summary>
internal static class PredictRequestValidator
{
    /// <summary>Validates; returns settings or the problems.</summary>
    public static (PredictSettings? Settings, IReadOnlyList<string> Problems) Validate(
        AgentPredictRequest request, Func<string, string?> environment, string workingDirectory, Platform machinePlatform, Func<string, bool> fileExists)
    {
        var problems = new List<string>();
        var (image, shared) = RunRequestValidator.Validate(request.Image, environment, workingDirectory, machinePlatform, fileExists);
        problems.AddRange(shared);
        var calibration = Existing(request.Calibration, AgentPredictOptions.Calibration.Name, "the calibration document unpackbench-agent calibrate wrote", workingDirectory, fileExists, problems);
        if (request.FeaturesOnly && (request.Calibration is not null || request.Measured is not null))
        {
            problems.Add($"{AgentPredictOptions.FeaturesOnly.Name} only counts the image's features: leave out {AgentPredictOptions.Calibration.Name} and {AgentPredictOptions.Measured.Name}, or predict without {AgentPredictOptions.FeaturesOnly.Name}");
        }
        else if (!request.FeaturesOnly && request.Calibration is null)
        {
            problems.Add($"no calibration given: pass {AgentPredictOptions.Calibration.Name} FILE, the document unpackbench-agent calibrate wrote for the node to predict for (or {AgentPredictOptions.FeaturesOnly.Name} to only count the image)");
        }

        if (request.Image.Snapshotters.Count > 1)
        {
            problems.Add($"{AgentPredictOptions.Snapshotter.Name} is given {request.Image.Snapshotters.Count} times; a prediction is for one snapshotter (predict once for each)");
        }

        var measured = Existing(request.Measured, AgentPredictOptions.Measured.Name, "a benchmark_*.json that unpackbench-agent run wrote", workingDirectory, fileExists, problems);
        if (problems.Count > 0 || image is null)
        {
            return (null, problems);
        }

        return (new PredictSettings
        {
            Image = image,
            CalibrationPath = calibration,
            FeaturesOnly = request.FeaturesOnly,
            Snapshotter = request.Image.Snapshotters.Count > 0 ? request.Image.Snapshotters[0] : null,
            MeasuredPath = measured,
            Json = request.Json,
        }, problems);
    }

    private static string? Existing(string? given, string option, string what, string workingDirectory, Func<string, bool> fileExists, List<string> problems)
    {
        if (given is null)
        {
            return null;
        }

        var path = Path.GetFullPath(given, workingDirectory);
        if (!fileExists(path))
        {
            problems.Add($"{option} '{given}' does not exist; give {what}");
        }

        return path;
    }
}
