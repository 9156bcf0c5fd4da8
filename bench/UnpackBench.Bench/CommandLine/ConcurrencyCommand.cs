using System.CommandLine;
using UnpackBench.Bench.Physics;
using UnpackBench.Core.Results;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>concurrency</c>: the agent on the large image at 1, 2 and 4 copies per run; prints per-copy time,
/// aggregate throughput and what the scaling says about where this machine's unpack is bound.
/// </summary>
internal sealed class ConcurrencyCommand : Command
{
    private readonly AgentBenchOptions _bench = new();
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per copy count", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<string> _copies = new("--copies") { Description = "Copy counts to run, comma-separated", HelpName = "LIST", DefaultValueFactory = _ => "1,2,4" };

    /// <summary>Creates the command.</summary>
    public ConcurrencyCommand()
        : base("concurrency", "Unpack 1, 2 and 4 independent copies of the large image at once; print per-copy time and aggregate MB/s")
    {
        Options.Add(_runs);
        Options.Add(_bench.ImageMb);
        Options.Add(_copies);
        Options.Add(_bench.Cache);
        Options.Add(_bench.Work);
        Options.Add(_bench.Agent);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var bench = _bench.Prepare(parse, "unpacks into overlayfs");
        var image = bench.Image(layerCount: 8, cancellationToken);
        await bench.DescribeAsync("LARGE", image, cancellationToken);

        var agent = new AgentDocumentRun(bench.AgentDll, Path.Combine(bench.Work, "concurrency"));
        var results = new List<BenchmarkResult>();
        foreach (var copies in parse.GetValue(_copies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            results.Add(await agent.RunAsync(image.ArchivePath, parse.GetValue(_runs), ["--concurrency", copies, "--stats-source", "cgroup", .. bench.CacheOptions], $"copies-{copies}", bench.Progress, cancellationToken));
        }

        ConcurrencyReport.Write(bench.Output, results, Environment.ProcessorCount);
        return ExitCodes.Success;
    }
}
