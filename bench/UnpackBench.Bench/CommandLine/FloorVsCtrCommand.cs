using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Comparison;
using UnpackBench.Bench.Reporting;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>floor-vs-ctr</c>: do the floors disturb the runs? On one containerd, alternates agent (plain) / ctr /
/// agent --floor / ctr on the large image and prints the agent/ctr ratio of the medians both ways; they
/// should agree within ±3 %, since the floors are measured after the timed run.
/// </summary>
internal sealed class FloorVsCtrCommand : Command
{
    private const double Tolerance = 0.03;

    private readonly AgentBenchOptions _bench = new();
    private readonly Option<int> _iterations = new("--iterations") { Description = "Rounds of plain/ctr/floor/ctr", HelpName = "N", DefaultValueFactory = _ => 7 };

    /// <summary>Creates the command.</summary>
    public FloorVsCtrCommand()
        : base("floor-vs-ctr", "Check that --floor leaves the agent's ratio to ctr unchanged (within ±3 %)")
    {
        Options.Add(_iterations);
        Options.Add(_bench.ImageMb);
        Options.Add(_bench.Cache);
        Options.Add(_bench.Work);
        Options.Add(_bench.Agent);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var bench = _bench.Prepare(parse, "unpacks into overlayfs");
        var image = bench.Image(layerCount: 8, cancellationToken);
        await bench.DescribeMachineAsync(cancellationToken);

        await using var containerd = await SideBySideContainerd.StartAsync(bench.Work, bench.AgentDll, bench.Progress, bench.Cache!, cancellationToken);
        var plain = containerd.Agent();
        var floor = containerd.Agent("--floor");
        var comparison = containerd.Comparison(plain);
        await comparison.ImportAsync("large", image, cancellationToken);

        var iterations = parse.GetValue(_iterations);
        var plainTimes = new List<(TimeSpan Agent, TimeSpan Ctr)>();
        var floorTimes = new List<(TimeSpan Agent, TimeSpan Ctr)>();
        for (var i = 1; i <= iterations; i++)
        {
            plainTimes.Add(await comparison.PairAsync(plain, "plain", image, i, iterations, cancellationToken));
            floorTimes.Add(await comparison.PairAsync(floor, "floor", image, i, iterations, cancellationToken));
        }

        await WriteAsync(
            bench.Output,
            new ComparisonResult("large, without --floor", image, RatioTarget.SameWork, plainTimes),
            new ComparisonResult("large, with --floor", image, RatioTarget.SameWork, floorTimes));
        return ExitCodes.Success;
    }

    private static async Task WriteAsync(TextWriter output, ComparisonResult without, ComparisonResult with)
    {
        ComparisonReport.Write(output, without);
        ComparisonReport.Write(output, with);
        var change = (with.Ratio / without.Ratio) - 1;
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"agent median with --floor / without: {with.AgentMedian / without.AgentMedian:0.000} (the runs themselves, before any floor is measured)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ratio with --floor / ratio without: {with.Ratio / without.Ratio:0.000} ({change:+0.0%;-0.0%})  (target within ±{Tolerance:0%}: the floors must not disturb the runs) -> {(Math.Abs(change) <= Tolerance ? "met" : "NOT met")}"));
    }
}
