using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Makes the result document fit a ConfigMap (1 MiB for the whole object). The time series go first:
/// each run's series is downsampled step by step, then dropped; only if that is not enough are the
/// per-layer step timings removed. Whatever is shed is said in the document's notes.
/// </summary>
public static class ResultDocumentFitter
{
    /// <summary>Room for the document inside a ConfigMap, leaving space for metadata and the key.</summary>
    public const int DefaultMaxBytes = 1_000_000;

    private static readonly int[] SeriesLimits = [100, 50, 20, 10, 0];

    /// <summary>The document's JSON, at most <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    public static string Fit(BenchmarkResult result, int maxBytes = DefaultMaxBytes)
    {
        var json = ResultJson.Serialize(result);
        if (Size(json) <= maxBytes)
        {
            return json;
        }

        var points = result.Runs.Max(r => r.Metrics?.Series.Count ?? 0);
        foreach (var limit in SeriesLimits.Where(l => l < points))
        {
            var shed = result with
            {
                Runs = result.Runs.Select(r => r.Metrics is null ? r : r with { Metrics = r.Metrics with { Series = limit == 0 ? [] : SeriesDownsampler.Downsample(r.Metrics.Series, limit) } }).ToList(),
                Notes = [.. result.Notes, limit == 0
                    ? "the time series were removed to fit the result into a ConfigMap (peaks and totals are kept)"
                    : $"the time series were downsampled to at most {limit} points per run to fit the result into a ConfigMap"],
            };
            json = ResultJson.Serialize(shed);
            if (Size(json) <= maxBytes)
            {
                return json;
            }

            result = limit == 0 ? shed : result;
        }

        var withoutLayers = result with
        {
            Runs = result.Runs.Select(r => r with { Layers = [] }).ToList(),
            Notes = [.. result.Notes, "per-layer timings were removed to fit the result into a ConfigMap; run totals are kept"],
        };
        json = ResultJson.Serialize(withoutLayers);
        return Size(json) <= maxBytes
            ? json
            : throw new InvalidOperationException($"the result document is {Size(json)} bytes even without series and layer timings; it cannot fit a ConfigMap");
    }

    private static int Size(string json) => System.Text.Encoding.UTF8.GetByteCount(json);
}
