using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Reencoding;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// The order of a benchmark's variants: first every what-if re-encoding (untimed, before any timed
/// run), then snapshotter by snapshotter each encoding's runs, then — once no timed run is left — every
/// variant's floors, so measuring one variant's floors cannot disturb another's runs.
/// </summary>
internal sealed class VariantSchedule(BenchmarkSettings settings, IBenchmarkReporter reporter, TimeProvider time)
{
    /// <summary>The original first, then each what-if encoding of <paramref name="image"/>, re-encoded or reused.</summary>
    public async Task<IReadOnlyList<(LayerEncoding Encoding, AcquiredImage Image)>> PrepareEncodingsAsync(
        IContainerdHost host, AcquiredImage image, CancellationToken cancellationToken)
    {
        var encodings = new List<(LayerEncoding, AcquiredImage)> { (LayerEncoding.Original, image) };
        var store = new VariantImageStore(host.Connection, time, Path.Combine(settings.RootDirectory, "scratch"));
        foreach (var encoding in settings.WhatIf)
        {
            encodings.Add((encoding, await store.GetOrCreateAsync(image, encoding, reporter.Stage, cancellationToken)));
        }

        return encodings;
    }

    /// <summary>
    /// Runs every variant, snapshotter by snapshotter; a snapshotter containerd lacks fails only its own
    /// variants. Stops after an interrupt or a containerd that stopped answering, keeping what completed.
    /// </summary>
    public async Task<List<VariantOutcome>> RunAsync(
        VariantRunner variants, SnapshotterCatalog catalog, IReadOnlyList<(LayerEncoding Encoding, AcquiredImage Image)> encodings, CancellationToken cancellationToken)
    {
        var outcomes = new List<VariantOutcome>();
        var total = settings.Snapshotters.Count * encodings.Count;
        foreach (var snapshotter in settings.Snapshotters)
        {
            foreach (var (encoding, image) in encodings)
            {
                reporter.VariantStarting(snapshotter, encoding.Name, outcomes.Count, total);
                if (catalog.Problem(snapshotter) is { } unavailable)
                {
                    reporter.Warning($"{snapshotter}/{encoding.Name} skipped: {unavailable}");
                    outcomes.Add(new VariantOutcome { Snapshotter = snapshotter, Encoding = encoding, Image = image, Error = unavailable });
                    continue;
                }

                var outcome = await variants.RunAsync(snapshotter, encoding, image, cancellationToken);
                outcomes.Add(outcome);
                if (outcome.Interrupted || outcome.AbortReason is not null)
                {
                    return outcomes;
                }
            }
        }

        return settings.Floor ? await MeasureFloorsAsync(variants, outcomes, cancellationToken) : outcomes;
    }

    private static async Task<List<VariantOutcome>> MeasureFloorsAsync(VariantRunner variants, List<VariantOutcome> outcomes, CancellationToken cancellationToken)
    {
        var measured = new List<VariantOutcome>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            measured.Add(measured.Any(o => o.Interrupted) ? outcome : await variants.WithFloorsAsync(outcome, cancellationToken));
        }

        return measured;
    }
}
