using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// What shapes the runs beyond their count: --concurrency, --cache, --durable, --floor, --what-if and
/// --link-mbps, within <see cref="BenchmarkLimits"/>.
/// </summary>
internal static class VariantRules
{
    /// <summary>The checked values; problems are added to <paramref name="problems"/>.</summary>
    public static (int Concurrency, CacheMode Cache, IReadOnlyList<LayerEncoding> WhatIf, int LinkMbps) Check(AgentRunRequest request, List<string> problems)
    {
        var concurrency = request.Concurrency ?? BenchmarkLimits.Concurrency.Default;
        Add(BenchmarkLimits.Concurrency.Problem($"{AgentRunOptions.Concurrency.Name} {concurrency}", concurrency), problems);

        var cache = request.Cache is null ? CacheMode.Warm : CacheModes.TryParse(request.Cache);
        if (cache is null)
        {
            problems.Add($"{AgentRunOptions.Cache.Name} '{request.Cache}' is not a cache mode: use {string.Join(", ", CacheModes.All.Select(CacheModes.Name))}");
        }

        var (whatIf, whatIfProblems) = LayerEncoding.ParseList(request.WhatIf);
        problems.AddRange(whatIfProblems);
        if (whatIf.Count > BenchmarkLimits.MaxWhatIf)
        {
            problems.Add($"{whatIf.Count} what-if encodings given; at most {BenchmarkLimits.MaxWhatIf} in one benchmark");
        }

        var link = request.LinkMbps ?? BenchmarkLimits.LinkMbps.Default;
        Add(BenchmarkLimits.LinkMbps.Problem($"{AgentRunOptions.LinkMbps.Name} {link}", link), problems);
        return (concurrency, cache ?? CacheMode.Warm, whatIf, link);
    }

    private static void Add(string? problem, List<string> problems)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
