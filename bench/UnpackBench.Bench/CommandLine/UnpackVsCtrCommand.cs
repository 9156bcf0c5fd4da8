using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using UnpackBench.Bench.Comparison;
using UnpackBench.Bench.Containerd;
using UnpackBench.Bench.Reporting;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>unpack-vs-ctr</c>: on one containerd, times the agent and <c>ctr snapshots unpack</c> alternately on a
/// large generated image and a tiny one, and prints the ratios agent/ctr of the medians.
/// </summary>
internal sealed class UnpackVsCtrCommand : Command
{
    private readonly AgentBenchOptions _bench = new();
    private readonly Option<int> _iterations = new("--iterations") { Description = "Alternating agent/ctr pairs per image", HelpName = "N", DefaultValueFactory = _ => 7 };

    /// <summary>Creates the command.</summary>
    public UnpackVsCtrCommand()
        : base("unpack-vs-ctr", "Time the agent and 'ctr snapshots unpack' alternately on a large and a tiny image; print agent/ctr of the medians")
    {
        _iterations.Validators.Add(result => RequireRange(result, 1, 100));
        _bench.ImageMb.Validators.Add(result => RequireRange(result, 1, 100_000));
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
        var iterations = parse.GetValue(_iterations);
        await bench.DescribeMachineAsync(cancellationToken);
        var large = bench.Image(layerCount: 8, cancellationToken);
        var tiny = bench.Images.Tiny(cancellationToken);

        await using var containerd = await SideBySideContainerd.StartAsync(bench.Work, bench.AgentDll, bench.Progress, bench.Cache!, cancellationToken);
        var comparison = containerd.Comparison(containerd.Agent());
        var results = new List<ComparisonResult>
        {
            await comparison.RunAsync("large", large, RatioTarget.SameWork, iterations, cancellationToken),
            await comparison.RunAsync("tiny", tiny, RatioTarget.NoProcessStart, iterations, cancellationToken),
        };
        var ctrBaseline = await MeasureCtrBaselineAsync(containerd.Ctr, iterations, cancellationToken);
        foreach (var result in results)
        {
            ComparisonReport.Write(bench.Output, result);
        }

        await bench.Output.WriteLineAsync();
        await bench.Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"ctr's fixed cost — process start, connect, one call (`ctr version`), median of {iterations}: {ctrBaseline.TotalSeconds:0.000} s"));
        return ExitCodes.Success;
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

    private static void RequireRange(OptionResult result, int min, int max)
    {
        var value = result.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            result.AddError($"{result.Option.Name} must be between {min} and {max}, not {value}.");
        }
    }
}
