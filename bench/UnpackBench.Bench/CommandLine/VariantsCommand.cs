using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Physics;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>variants</c>: one agent benchmark of the large image with <c>--what-if gzip-1,gzip-9,zstd,uncompressed --floor</c>,
/// printed as a table of the encodings and the original's floors.
/// </summary>
internal sealed class VariantsCommand : Command
{
    private readonly AgentBenchOptions _bench = new();
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per variant", HelpName = "N", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _linkMbps = new("--link-mbps") { Description = "Link speed of the pull + unpack estimate, Mbit/s", HelpName = "MBPS", DefaultValueFactory = _ => 1000 };
    private readonly Option<string> _whatIf = new("--what-if") { Description = "Encodings to compare with the original", HelpName = "LIST", DefaultValueFactory = _ => "gzip-1,gzip-9,zstd,uncompressed" };

    /// <summary>Creates the command.</summary>
    public VariantsCommand()
        : base("variants", "Benchmark the large image in its original encoding and re-encoded (gzip-1, gzip-9, zstd, uncompressed), with floors")
    {
        Options.Add(_runs);
        Options.Add(_bench.ImageMb);
        Options.Add(_linkMbps);
        Options.Add(_whatIf);
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

        string[] options = ["--what-if", parse.GetValue(_whatIf)!, "--floor", "--link-mbps", parse.GetValue(_linkMbps).ToString(CultureInfo.InvariantCulture), .. bench.CacheOptions];
        var result = await new AgentDocumentRun(bench.AgentDll, Path.Combine(bench.Work, "variants")).RunAsync(image.ArchivePath, parse.GetValue(_runs), options, "variants", bench.Progress, cancellationToken);
        VariantsReport.Write(bench.Output, result);
        return ExitCodes.Success;
    }
}
