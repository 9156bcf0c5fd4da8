using System.CommandLine;
using UnpackBench.Bench.Comparison;
using UnpackBench.Bench.Containerd;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Reporting;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>unpack-vs-ctr</c>: on one containerd, times the agent and <c>ctr snapshots unpack</c> alternately on a
/// large generated image and a tiny one, and prints the ratios agent/ctr of the medians.
/// </summary>
internal sealed class UnpackVsCtrCommand : Command
{
    private const string Snapshotter = "overlayfs";

    private readonly Option<int> _iterations = new("--iterations") { Description = "Alternating agent/ctr pairs per image", HelpName = "N", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _largeMb = new("--large-mb") { Description = "Uncompressed size of the large image, in MB", HelpName = "MB", DefaultValueFactory = _ => 500 };
    private readonly Option<string> _work = new("--work") { Description = "Work directory: image cache, containerd, logs (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };
    private readonly Option<string?> _agent = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>Creates the command.</summary>
    public UnpackVsCtrCommand()
        : base("unpack-vs-ctr", "Time the agent and 'ctr snapshots unpack' alternately on a large and a tiny image; print agent/ctr of the medians")
    {
        _iterations.Validators.Add(result => RequireRange(result, 1, 100));
        _largeMb.Validators.Add(result => RequireRange(result, 1, 100_000));
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
            throw new MissingPrerequisiteException(
                $"unpack-vs-ctr starts containerd and unpacks into overlayfs, which needs root; it runs as '{Environment.UserName}'. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(_work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(_agent)), Path.Combine(work, "agent", "build"));
        var iterations = parse.GetValue(_iterations);
        var shape = new LargeImageShape(parse.GetValue(_largeMb) * 1000L * 1000L, LayerCount: 8);

        await output.WriteLineAsync(await MachineDescription.DescribeAsync(work, cancellationToken));
        var cache = new ImageCache(Path.Combine(work, "images"), progress);
        var large = cache.Large(shape, cancellationToken);
        var tiny = cache.Tiny(cancellationToken);

        await using var containerd = await BenchContainerd.StartAsync(Path.Combine(work, "containerd"), cancellationToken);
        var ctr = new Ctr(containerd.Address, AgentProcess.Namespace, Snapshotter);
        var comparison = new AlternatingComparison(new AgentProcess(agentDll, containerd.Address, work), ctr, progress);
        try
        {
            if (await ctr.DeleteForeignLeasesAsync(AgentProcess.LeasePrefix, cancellationToken) is > 0 and var stale)
            {
                await progress.WriteLineAsync($"deleted {stale} lease(s) an interrupted ctr left in namespace '{AgentProcess.Namespace}'");
            }

            var results = new List<ComparisonResult>
            {
                await comparison.RunAsync("large", large, RatioTarget.SameWork, iterations, cancellationToken),
                await comparison.RunAsync("tiny", tiny, RatioTarget.NoProcessStart, iterations, cancellationToken),
            };
            var ctrBaseline = await MeasureCtrBaselineAsync(ctr, iterations, cancellationToken);
            foreach (var result in results)
            {
                ComparisonReport.Write(output, result);
            }

            await output.WriteLineAsync();
            await output.WriteLineAsync(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"ctr's fixed cost — process start, connect, one call (`ctr version`), median of {iterations}: {ctrBaseline.TotalSeconds:0.000} s"));
            return ExitCodes.Success;
        }
        finally
        {
            await RemoveLeftoversAsync(ctr, progress);
        }
    }

    private static async Task<TimeSpan> MeasureCtrBaselineAsync(Ctr ctr, int iterations, CancellationToken cancellationToken)
    {
        var times = new List<TimeSpan>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            times.Add(await ctr.TimedVersionAsync(cancellationToken));
        }

        return ComparisonResult.Median(times);
    }

    // The last ctr run's snapshots (and, after Ctrl+C, a killed ctr's lease); the next benchmark's agent
    // would clear the snapshots anyway. Leases first, so no lease keeps part of a chain alive during removal.
    private static async Task RemoveLeftoversAsync(Ctr ctr, TextWriter progress)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await ctr.DeleteForeignLeasesAsync(AgentProcess.LeasePrefix, timeout.Token);
            await ctr.RemoveAllSnapshotsAsync(timeout.Token);
        }
        catch (Exception e)
        {
            await progress.WriteLineAsync($"note: could not remove the last snapshots ({e.Message}); the next run's agent clears them.");
        }
    }

    private static void RequireRange(System.CommandLine.Parsing.OptionResult result, int min, int max)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            result.AddError($"{result.Option.Name} must be between {min} and {max}, not {value}.");
        }
    }
}
