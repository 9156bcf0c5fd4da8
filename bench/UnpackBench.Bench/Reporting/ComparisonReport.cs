using System.Globalization;
using UnpackBench.Bench.Comparison;

namespace UnpackBench.Bench.Reporting;

/// <summary>Prints one image's side-by-side table: per iteration the two times, then medians, ratio and target.</summary>
internal static class ComparisonReport
{
    /// <summary>Writes the table for <paramref name="result"/>.</summary>
    public static void Write(TextWriter output, ComparisonResult result)
    {
        var culture = CultureInfo.InvariantCulture;
        output.WriteLine();
        output.WriteLine($"{result.Label.ToUpperInvariant()}: {result.Image.Describe()}");
        output.WriteLine(string.Create(culture, $"  {"iteration",-10} {"agent (s)",10} {"ctr (s)",10}"));
        for (var i = 0; i < result.Iterations.Count; i++)
        {
            var (agent, ctr) = result.Iterations[i];
            output.WriteLine(string.Create(culture, $"  {i + 1,-10} {agent.TotalSeconds,10:0.000} {ctr.TotalSeconds,10:0.000}"));
        }

        output.WriteLine(string.Create(culture, $"  {"median",-10} {result.AgentMedian.TotalSeconds,10:0.000} {result.CtrMedian.TotalSeconds,10:0.000}"));
        var verdict = result.Target.IsMetBy(result.Ratio) ? "met" : "NOT met";
        output.WriteLine(string.Create(culture,
            $"  ratio agent/ctr of the medians: {result.Ratio:0.000}  (target {result.Target}: {result.Target.Reason}) -> {verdict}"));
    }
}
