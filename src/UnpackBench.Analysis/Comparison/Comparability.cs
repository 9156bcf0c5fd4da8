using UnpackBench.Core.Results;

namespace UnpackBench.Analysis.Comparison;

/// <summary>
/// Whether two result documents describe the same setup, so that a change in unpack time can be put
/// down to the image. Documents from different nodes, snapshotters, decompressors or containerd
/// versions, or with another page-cache mode, measure different things; those differences can be
/// forced past. Different schema versions cannot: their figures may not mean the same thing.
/// </summary>
public static class Comparability
{
    private static readonly (string Field, Func<BenchmarkResult, string?> Value)[] SetupFields =
    [
        ("environment.hostname", r => r.Environment.Hostname),
        ("environment.snapshotter", r => r.Environment.Snapshotter),
        ("environment.decompressor", r => r.Environment.Decompressor),
        ("environment.containerd_version", r => r.Environment.ContainerdVersion),
        ("benchmark_config.cache_mode", r => r.BenchmarkConfig.CacheMode),
    ];

    /// <summary>Every field that differs between the documents, in the order listed above; empty when they are comparable.</summary>
    public static IReadOnlyList<FieldDifference> Differences(BenchmarkResult baseline, BenchmarkResult candidate)
    {
        var differences = new List<FieldDifference>();
        if (baseline.SchemaVersion != candidate.SchemaVersion)
        {
            differences.Add(new FieldDifference(
                "schema_version", Text(baseline.SchemaVersion), Text(candidate.SchemaVersion), Forceable: false));
        }

        foreach (var (field, value) in SetupFields)
        {
            var (a, b) = (value(baseline), value(candidate));
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                differences.Add(new FieldDifference(field, a, b));
            }
        }

        return differences;
    }

    private static string Text(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
