using System.Globalization;
using UnpackBench.Core.Results;
using UnpackBench.Core.Statistics;

namespace UnpackBench.Bench.Physics;

/// <summary>
/// Prints the concurrency table — per copy count the median wall time, the median of the copies' own
/// times, the aggregate throughput and containerd's CPU — and what the scaling says about where the unpack is bound.
/// </summary>
internal static class ConcurrencyReport
{
    /// <summary>Writes the table for the results at each copy count, fewest copies first.</summary>
    public static void Write(TextWriter output, IReadOnlyList<BenchmarkResult> results, int cores)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"  {"copies",6} {"wall median (s)",15} {"per-copy median (s)",19} {"aggregate MB/s",14} {"scaling",8} {"containerd CPU-s",16} {"CPU cores busy",14}");
        var single = Aggregate(results[0]);
        foreach (var result in results)
        {
            var copies = result.BenchmarkConfig.Concurrency;
            var aggregate = Aggregate(result);
            var perCopy = PerCopyMedian(result);
            var cpu = result.Summary.AvgCpuSeconds;
            var busy = cpu / result.Summary.MedianDurationSeconds;
            output.WriteLine(string.Create(culture,
                $"  {copies,6} {Figure(result.Summary.MedianDurationSeconds, "0.000"),15} {Figure(perCopy, "0.000"),19} {Figure(aggregate, "0.0"),14} {Figure(aggregate / single / copies, "0.00"),8} {Figure(cpu, "0.00"),16} {Figure(busy, "0.00"),14}"));
        }

        output.WriteLine();
        output.WriteLine("  " + Verdict(results, single, cores));
    }

    // Scaling: aggregate(N) / (N × aggregate(1)). Near 1: copies run side by side without slowing each other
    // (one unpack leaves the machine idle: latency- or single-thread-bound). Falling while CPU is all busy:
    // CPU-bound. Falling with cores to spare: a shared resource — the disk, the page cache or containerd's locks.
    private static string Verdict(IReadOnlyList<BenchmarkResult> results, double? single, int cores)
    {
        var last = results[^1];
        var copies = last.BenchmarkConfig.Concurrency;
        var scaling = Aggregate(last) / single / copies;
        var busy = last.Summary.AvgCpuSeconds / last.Summary.MedianDurationSeconds;
        return scaling switch
        {
            null => "no verdict: a figure is missing (did every run succeed, and does the agent measure containerd's cgroup?)",
            >= 0.8 => string.Create(CultureInfo.InvariantCulture, $"at {copies} copies the aggregate throughput still scales ({scaling:0.00} of linear): a single unpack leaves this machine idle part of the time — it is bound by latency or one thread, not by CPU or disk."),
            _ when busy >= cores * 0.8 => string.Create(CultureInfo.InvariantCulture, $"at {copies} copies scaling falls to {scaling:0.00} of linear with {busy:0.0} of {cores} cores busy: this machine's unpack is CPU-bound."),
            _ => string.Create(CultureInfo.InvariantCulture, $"at {copies} copies scaling falls to {scaling:0.00} of linear with only {busy:0.0} of {cores} cores busy: a shared resource (the disk, writeback or containerd's metadata) bounds the unpack, not the CPU."),
        };
    }

    private static double? Aggregate(BenchmarkResult result) =>
        result.Summary.AggregateThroughputMbPerSecond ?? result.Summary.ThroughputMbPerSecond;

    private static double? PerCopyMedian(BenchmarkResult result)
    {
        var times = result.Runs.SelectMany(r => r.Copies?.Select(c => c.DurationSeconds) ?? [r.DurationSeconds])
            .Where(t => t is not null).Select(t => t!.Value).Order().ToArray();
        return times.Length == 0 ? null : DurationStatistics.Percentile(times, 0.5);
    }

    private static string Figure(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "–";
}
