using System.Globalization;
using UnpackBench.Core.Results;

namespace UnpackBench.Bench.Physics;

/// <summary>Prints the what-if table: per encoding its size, median unpack, speedup with its interval and the pull + unpack estimate; then the original's floors.</summary>
internal static class VariantsReport
{
    /// <summary>Writes the table for <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, BenchmarkResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        var variants = result.Variants ?? throw new InvalidOperationException("the result document has no variants section");
        output.WriteLine();
        output.WriteLine(string.Create(culture, $"  {"encoding",-13} {"size (MB)",9} {"median (s)",10} {"p95 (s)",8} {"MB/s",7} {"CPU-s",6} {"speedup [95 % CI]",-24} {$"pull+unpack @ {result.BenchmarkConfig.LinkMbps} Mbit/s (s)",-30}"));
        foreach (var v in variants)
        {
            var speedup = v.Speedup switch
            {
                null => "(baseline)",
                { Lower: { } lower, Upper: { } upper } s => string.Create(culture, $"{s.Ratio:0.00}x [{lower:0.00}, {upper:0.00}]"),
                var s => string.Create(culture, $"{s.Ratio:0.00}x (no interval)"),
            };
            output.WriteLine(string.Create(culture,
                $"  {v.Encoding,-13} {v.CompressedBytes / 1e6,9:0.0} {Figure(v.Summary.MedianDurationSeconds, "0.000"),10} {Figure(v.Summary.P95DurationSeconds, "0.000"),8} {Figure(v.Summary.ThroughputMbPerSecond, "0.0"),7} {Figure(v.Summary.AvgCpuSeconds, "0.00"),6} {speedup,-24} {Figure(v.PullPlusUnpackSeconds, "0.00"),-30}"));
        }

        var original = variants[0];
        output.WriteLine();
        output.WriteLine(string.Create(culture,
            $"  original: efficiency {Figure(original.Summary.Efficiency, "0.00")} (decompression floor {Figure(original.Floors?.DecompressFloorSeconds, "0.000")} s / unpack), " +
            $"overhead vs tar {Figure(original.Summary.OverheadVsTar, "0.00")}x (unpack / decompress+tar floor {Figure(original.Floors?.ExtractFloorSeconds, "0.000")} s), " +
            $"floor tools {string.Join(", ", original.Floors?.Layers.Select(l => l.FloorTool).Distinct() ?? [])}"));
        if (original.Floors?.Note is { } note)
        {
            output.WriteLine($"  note: {note}");
        }
    }

    private static string Figure(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
