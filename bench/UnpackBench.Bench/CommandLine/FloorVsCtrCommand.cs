using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Comparison;
using UnpackBench.Bench.Containerd;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Reporting;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>floor-vs-ctr</c>: do the floors disturb the runs? On one containerd, alternates agent (plain) / ctr /
/// agent --floor / ctr on the large image and prints the agent/ctr ratio of the medians both ways; they
/// should agree within ±3 %, since the floors are measured after the timed run.
/// </summary>
internal sealed class FloorVsCtrCommand : Command
{
    private const double Tolerance = 0.03;

    private readonly Option<int> _iterations = new("--iterations") { Description = "Rounds of plain/ctr/floor/ctr", HelpName = "N", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _largeMb = new("--large-mb") { Description = "Uncompressed size of the large image, in MB", HelpName = "MB", DefaultValueFactory = _ => 500 };
    private readonly Option<string> _work = new("--work") { Description = "Work directory: image cache, containerd, logs (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };
    private readonly Option<string?> _agent = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>Creates the command.</summary>
    public FloorVsCtrCommand()
        : base("floor-vs-ctr", "Check that --floor leaves the agent's ratio to ctr unchanged (within ±3 %)")
    {
        Options.Add(_iterations);
        Options.Add(_largeMb);
        Options.Add(_work);
        Options.Add(_agent);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var progress = parse.InvocationConfiguration.Error;
        if (Environment.UserName != "root")
        {
            throw new MissingPrerequisiteException("floor-vs-ctr starts containerd and unpacks into overlayfs, which needs root. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(_work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(_agent)), Path.Combine(work, "agent", "build"));
        var image = new ImageCache(Path.Combine(work, "images"), progress).Large(new LargeImageShape(parse.GetValue(_largeMb) * 1000L * 1000L, LayerCount: 8), cancellationToken);
        await output.WriteLineAsync(await MachineDescription.DescribeAsync(work, cancellationToken));

        await using var containerd = await BenchContainerd.StartAsync(Path.Combine(work, "containerd"), cancellationToken);
        var ctr = new Ctr(containerd.Address, AgentProcess.Namespace, "overlayfs");
        var plain = new AgentProcess(agentDll, containerd.Address, work);
        var floor = new AgentProcess(agentDll, containerd.Address, work, ["--floor"]);
        var comparison = new AlternatingComparison(plain, ctr, progress);
        await ctr.DeleteForeignLeasesAsync(AgentProcess.LeasePrefix, cancellationToken);
        await comparison.ImportAsync("large", image, cancellationToken);

        var iterations = parse.GetValue(_iterations);
        var plainTimes = new List<(TimeSpan Agent, TimeSpan Ctr)>();
        var floorTimes = new List<(TimeSpan Agent, TimeSpan Ctr)>();
        for (var i = 1; i <= iterations; i++)
        {
            plainTimes.Add(await comparison.PairAsync(plain, "plain", image, i, iterations, cancellationToken));
            floorTimes.Add(await comparison.PairAsync(floor, "floor", image, i, iterations, cancellationToken));
        }

        await ctr.RemoveAllSnapshotsAsync(CancellationToken.None);
        var without = new ComparisonResult("large, without --floor", image, RatioTarget.SameWork, plainTimes);
        var with = new ComparisonResult("large, with --floor", image, RatioTarget.SameWork, floorTimes);
        ComparisonReport.Write(output, without);
        ComparisonReport.Write(output, with);
        var change = (with.Ratio / without.Ratio) - 1;
        await output.WriteLineAsync();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"agent median with --floor / without: {with.AgentMedian / without.AgentMedian:0.000} (the runs themselves, before any floor is measured)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ratio with --floor / ratio without: {with.Ratio / without.Ratio:0.000} ({change:+0.0%;-0.0%})  (target within ±{Tolerance:0%}: the floors must not disturb the runs) -> {(Math.Abs(change) <= Tolerance ? "met" : "NOT met")}"));
        return ExitCodes.Success;
    }
}
