using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Images;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Prediction;

/// <summary>
/// A prediction from start to finish: read the calibration (and the measurement, if any) first, so a
/// bad document fails before anything is downloaded; resolve the image; refuse layers the calibration
/// has no coefficients for before streaming them; count every layer; predict; check against the
/// measurement. Or only count the image (<see cref="CountAsync(PredictSettings, CancellationToken)"/>), for the
/// operator to predict every calibrated node from. Nothing is unpacked and containerd is not started.
/// </summary>
/// <param name="progress">Where progress lines go.</param>
/// <param name="time">The clock.</param>
/// <param name="searchPath">PATH, where containerd and unpigz are looked for.</param>
/// <param name="openSource">Opens the registry or archive the settings name.</param>
internal sealed class PredictionSession(TextWriter progress, TimeProvider time, string? searchPath, Func<BenchmarkSettings, IImageSource> openSource)
{
    /// <summary>Predicts as <paramref name="settings"/> say.</summary>
    public async Task<PredictionDocument> RunAsync(PredictSettings settings, CancellationToken cancellationToken)
    {
        var calibration = await PredictionInputs.ReadCalibrationAsync(settings.CalibrationPath ?? throw new ArgumentException("a prediction needs a calibration", nameof(settings)), cancellationToken);
        var measured = settings.MeasuredPath is null ? null : await PredictionInputs.ReadMeasuredAsync(settings.MeasuredPath, cancellationToken);
        var features = await CountAsync(settings, calibration.Model, cancellationToken);
        var target = await LocalConditions.ProbeAsync(settings.Snapshotter ?? calibration.Conditions.Snapshotter, calibration.Conditions.CacheMode, searchPath, cancellationToken);
        var prediction = PredictionMaker.Make(calibration, features, target, "this machine", time.GetUtcNow());
        return measured is null ? prediction : PredictionChecker.Check(prediction, measured, Path.GetFileName(settings.MeasuredPath!));
    }

    /// <summary>Counts the image's features only: what one agent does for the operator to predict every calibrated node from.</summary>
    public Task<ImageFeatures> CountAsync(PredictSettings settings, CancellationToken cancellationToken) => CountAsync(settings, coveredBy: null, cancellationToken);

    // Refuses layers the model has no coefficients for before streaming any, when there is a model.
    private async Task<ImageFeatures> CountAsync(PredictSettings settings, UnpackModel? coveredBy, CancellationToken cancellationToken)
    {
        var scratch = Directory.CreateTempSubdirectory("unpackbench-predict-").FullName;
        try
        {
            await using var source = openSource(settings.Image with { RootDirectory = scratch });
            await progress.WriteLineAsync($"resolving {source.DisplayName}");
            var image = await ImageResolver.ResolveAsync(source, settings.Image.Platform, settings.Image.PlatformExplicit, cancellationToken);
            if (coveredBy is not null)
            {
                LayerCoverage.Check(coveredBy, image.Manifest.Layers.Select(l => (l.Digest.ToString(), l.MediaType)).ToList());
            }

            return await ImageFeatureCounter.CountAsync(source, image, new LineProgress(progress, "counting "), cancellationToken);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    // Progress<T> posts to the thread pool, which would print lines out of order; print inline instead.
    private sealed class LineProgress(TextWriter output, string prefix) : IProgress<string>
    {
        public void Report(string value) => output.WriteLine(prefix + value);
    }
}
