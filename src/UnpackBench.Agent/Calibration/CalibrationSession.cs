using System.Globalization;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Prediction;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// A calibration from start to finish: generate the set's images (or reuse them), count each image's
/// features with the same counter <c>predict</c> uses, benchmark each image with the same session
/// <c>run</c> uses — clear, verify, timed unpack, verify, for every warm-up and timed run — then fit the
/// model to every layer's median time and write the calibration document. One image is measured again
/// halfway through and at the end (the set's drift check), so the document says whether the node's costs
/// held still. Each image's result document is kept beside it. Nothing is written when any image fails or
/// the calibration is interrupted.
/// </summary>
/// <param name="progress">Where progress lines go.</param>
/// <param name="time">The clock.</param>
/// <param name="environment">Environment variables, for the benchmark sessions.</param>
internal sealed class CalibrationSession(TextWriter progress, TimeProvider time, Func<string, string?> environment)
{
    /// <summary>Calibrates as <paramref name="settings"/> say; returns the document and where it was written.</summary>
    /// <exception cref="OperationCanceledException">Interrupted; nothing was written.</exception>
    public async Task<(CalibrationDocument Calibration, string Path)> RunAsync(CalibrationSettings settings, CancellationToken cancellationToken)
    {
        var stem = CalibrationFileWriter.Stem(time.GetUtcNow());
        var images = new CalibrationImageStore(settings.ImageDirectory).Prepare(settings.Set, settings.Benchmark.Platform, progress.WriteLine);
        var measured = new List<MeasuredLayer>();
        var driftTimes = new List<double>();
        (GeneratedImage Image, ImageFeatures Features)? driftCheck = null;
        int[] checkpoints = [images.Count / 2, images.Count];
        BenchmarkResult? first = null;
        foreach (var (image, index) in images.Select((image, i) => (image, i + 1)))
        {
            var features = await CountAsync(image, settings, cancellationToken);
            progress.WriteLine($"calibration image {index}/{images.Count} {image.Case.Name}: {Describe(features)}");
            var (result, layers) = await MeasureAsync(image, features, settings, stem, $"at calibration image {index}/{images.Count}", cancellationToken);
            measured.AddRange(layers);
            first ??= result;
            if (image.Case.Name == settings.Set.DriftCheck)
            {
                driftCheck = (image, features);
                driftTimes.Add(layers.Sum(l => l.MedianSeconds));
            }

            if (driftCheck is { } again && checkpoints.Contains(index))
            {
                progress.WriteLine($"drift check after image {index}/{images.Count}: {again.Image.Case.Name} again");
                var (_, repeated) = await MeasureAsync(again.Image, again.Features, settings, stem, $"in the drift check after calibration image {index}/{images.Count}", cancellationToken);
                driftTimes.Add(repeated.Sum(l => l.MedianSeconds));
            }
        }

        var (model, error, observations) = Fit(measured);
        var calibration = new CalibrationDocument
        {
            CreatedAt = time.GetUtcNow(),
            Set = settings.Set.Name,
            Runs = settings.Benchmark.Runs,
            WarmupRuns = settings.Benchmark.WarmupRuns,
            Conditions = MeasuredConditions.Of(first!),
            Node = first!.Environment,
            Model = model,
            TrainingError = error,
            Stability = driftTimes.Count >= 2 ? CalibrationDrift.Assess(settings.Set.DriftCheck, driftTimes) : null,
            Observations = observations,
            Notes = RootFilesystems.NotesFor(first.Environment),
        };
        return (calibration, await CalibrationFileWriter.WriteAsync(calibration, settings.OutputDirectory, stem, CancellationToken.None));
    }

    // One image benchmarked with the session run uses; its result document is kept beside the calibration's.
    private async Task<(BenchmarkResult Result, List<MeasuredLayer> Layers)> MeasureAsync(
        GeneratedImage image, ImageFeatures features, CalibrationSettings settings, string stem, string where, CancellationToken cancellationToken)
    {
        var source = new GeneratedImageSource(image);
        var benchmark = settings.Benchmark with { ArchivePath = source.DisplayName, OutputDirectory = Path.Combine(settings.OutputDirectory, stem) };
        var outcome = await new BenchmarkSession(new CalibrationCaseReporter(progress), time, environment, _ => source).RunAsync(benchmark, cancellationToken);
        return outcome.Interrupted
            ? throw new OperationCanceledException($"interrupted {where}; no calibration was written")
            : (outcome.Result, MeasuredLayers.Of(image.Case.Name, features, outcome.Result).ToList());
    }

    private static (UnpackModel Model, TrainingError Error, IReadOnlyList<CalibrationObservation> Observations) Fit(IReadOnlyList<MeasuredLayer> measured)
    {
        try
        {
            return CalibrationFit.Fit(measured);
        }
        catch (ArgumentException e)
        {
            throw new CalibrationException($"the model cannot be fitted: {e.Message}; nothing was written", e);
        }
    }

    private static async Task<ImageFeatures> CountAsync(GeneratedImage image, CalibrationSettings settings, CancellationToken cancellationToken)
    {
        await using var source = new GeneratedImageSource(image);
        var resolved = await ImageResolver.ResolveAsync(source, settings.Benchmark.Platform, platformExplicit: false, cancellationToken);
        return await ImageFeatureCounter.CountAsync(source, resolved, null, cancellationToken);
    }

    private static string Describe(ImageFeatures features) => string.Create(
        CultureInfo.InvariantCulture,
        $"{features.Layers.Count} layer(s), {features.Layers.Sum(l => l.UncompressedBytes) / 1e6:F1} MB in {features.Layers.Sum(l => l.CompressedBytes) / 1e6:F1} MB {string.Join("+", features.Layers.Select(l => l.Compression).Distinct())}, {features.Layers.Sum(l => l.Entries)} entries");
}
