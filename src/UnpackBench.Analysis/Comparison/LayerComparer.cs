using UnpackBench.Analysis.Statistics;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// Matches the layers of two benchmarked images by diff ID (a repeated diff ID is matched by its
/// occurrence: the second copy with the second copy) and compares each layer's median time.
/// </summary>
public static class LayerComparer
{
    /// <summary>Compares the layers of <paramref name="baseline"/> and <paramref name="candidate"/>.</summary>
    public static LayerComparison Compare(BenchmarkResult baseline, BenchmarkResult candidate, double threshold)
    {
        var before = Timed(baseline);
        var after = Timed(candidate);
        var byKey = before.ToDictionary(l => l.Key);
        var changes = new List<LayerChange>();
        foreach (var layer in after)
        {
            changes.Add(byKey.Remove(layer.Key, out var old) ? Kept(old, layer, threshold) : Added(layer));
        }

        changes.AddRange(before.Where(l => byKey.ContainsKey(l.Key)).Select(Removed));
        var largest = changes.Where(c => c.ChangeSeconds is not null).MaxBy(c => Math.Abs(c.ChangeSeconds!.Value));
        return new LayerComparison
        {
            Added = changes.Count(c => c.Change == LayerChangeKind.Added),
            Removed = changes.Count(c => c.Change == LayerChangeKind.Removed),
            Unchanged = changes.Count(c => c.Change == LayerChangeKind.Unchanged),
            Layers = changes,
            LargestChange = largest?.DiffId,
        };
    }

    private static LayerChange Kept(TimedLayer old, TimedLayer now, double threshold)
    {
        var verdict = old.Durations.Count > 0 && now.Durations.Count > 0
            ? VerdictRule.Decide(MedianRatio.Estimate(old.Durations, now.Durations), old.Durations.Count, now.Durations.Count, threshold).Verdict
            : (ComparisonVerdict?)null;
        return new LayerChange
        {
            DiffId = now.Description.DiffId,
            Change = LayerChangeKind.Unchanged,
            BaselinePosition = old.Position,
            CandidatePosition = now.Position,
            CompressedBytes = now.Description.CompressedBytes,
            UncompressedBytes = now.Description.UncompressedBytes ?? old.Description.UncompressedBytes,
            BaselineMedianSeconds = old.Median,
            CandidateMedianSeconds = now.Median,
            ChangeSeconds = now.Median - old.Median,
            Verdict = verdict,
        };
    }

    private static LayerChange Added(TimedLayer now) => new()
    {
        DiffId = now.Description.DiffId,
        Change = LayerChangeKind.Added,
        CandidatePosition = now.Position,
        CompressedBytes = now.Description.CompressedBytes,
        UncompressedBytes = now.Description.UncompressedBytes,
        CandidateMedianSeconds = now.Median,
        ChangeSeconds = now.Median,
    };

    private static LayerChange Removed(TimedLayer old) => new()
    {
        DiffId = old.Description.DiffId,
        Change = LayerChangeKind.Removed,
        BaselinePosition = old.Position,
        CompressedBytes = old.Description.CompressedBytes,
        UncompressedBytes = old.Description.UncompressedBytes,
        BaselineMedianSeconds = old.Median,
        ChangeSeconds = -old.Median,
    };

    private static List<TimedLayer> Timed(BenchmarkResult result)
    {
        var runs = SuccessfulRuns.Of(result);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        return [.. result.Image.Layers.Select((layer, index) =>
        {
            var occurrence = seen[layer.DiffId] = seen.GetValueOrDefault(layer.DiffId) + 1;
            IReadOnlyList<double> durations = [.. runs
                .Where(r => r.Layers.Count > index && r.Layers[index].Digest == layer.Digest)
                .Select(r => r.Layers[index].DurationSeconds)
                .Where(d => d > 0)];
            return new TimedLayer((layer.DiffId, occurrence), index + 1, layer, durations);
        })];
    }

    private sealed record TimedLayer((string DiffId, int Occurrence) Key, int Position, LayerDescription Description, IReadOnlyList<double> Durations)
    {
        public double? Median => Durations.Count == 0 ? null : DurationStatistics.Percentile([.. Durations.Order()], 0.5);
    }
}
