using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Physics;
using UnpackBench.Bench.Reporting;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>variants</c>: one agent benchmark of the large image with <c>--what-if gzip-1,gzip-9,zstd,uncompressed --floor</c>,
/// printed as a table of the encodings and the original's floors.
/// </summary>
internal sealed class VariantsCommand : Command
{
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per variant", HelpName = "N", DefaultValueFactory = _ => 7 };
    private readonly Option<int> _largeMb = new("--large-mb") { Description = "Uncompressed size of the large image, in MB", HelpName = "MB", DefaultValueFactory = _ => 500 };
    private readonly Option<int> _linkMbps = new("--link-mbps") { Description = "Link speed of the pull + unpack estimate, Mbit/s", HelpName = "MBPS", DefaultValueFactory = _ => 1000 };
    private readonly Option<string> _whatIf = new("--what-if") { Description = "Encodings to compare with the original", HelpName = "LIST", DefaultValueFactory = _ => "gzip-1,gzip-9,zstd,uncompressed" };
    private readonly Option<string> _work = new("--work") { Description = "Work directory: image cache, containerd, logs (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };
    private readonly Option<string?> _agent = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>Creates the command.</summary>
    public VariantsCommand()
        : base("variants", "Benchmark the large image in its original encoding and re-encoded (gzip-1, gzip-9, zstd, uncompressed), with floors")
    {
        Options.Add(_runs);
        Options.Add(_largeMb);
        Options.Add(_linkMbps);
        Options.Add(_whatIf);
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
            throw new MissingPrerequisiteException("variants starts containerd and unpacks into overlayfs, which needs root. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(_work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(_agent)), Path.Combine(work, "agent", "build"));
        var image = new ImageCache(Path.Combine(work, "images"), progress).Large(new LargeImageShape(parse.GetValue(_largeMb) * 1000L * 1000L, LayerCount: 8), cancellationToken);
        await output.WriteLineAsync(await MachineDescription.DescribeAsync(work, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"LARGE: {image.Describe()}"));

        var options = new[] { "--what-if", parse.GetValue(_whatIf)!, "--floor", "--link-mbps", parse.GetValue(_linkMbps).ToString(CultureInfo.InvariantCulture) };
        var result = await new AgentDocumentRun(agentDll, Path.Combine(work, "variants")).RunAsync(image.ArchivePath, parse.GetValue(_runs), options, "variants", progress, cancellationToken);
        VariantsReport.Write(output, result);
        return ExitCodes.Success;
    }
}
