using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Physics;
using UnpackBench.Bench.Reporting;
using UnpackBench.Core.Results;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>concurrency</c>: the agent on the large image at 1, 2 and 4 copies per run; prints per-copy time,
/// aggregate throughput and what the scaling says about where this machine's unpack is bound.
/// </summary>
internal sealed class ConcurrencyCommand : Command
{
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per copy count", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<int> _largeMb = new("--large-mb") { Description = "Uncompressed size of the large image, in MB", HelpName = "MB", DefaultValueFactory = _ => 500 };
    private readonly Option<string> _copies = new("--copies") { Description = "Copy counts to run, comma-separated", HelpName = "LIST", DefaultValueFactory = _ => "1,2,4" };
    private readonly Option<string> _work = new("--work") { Description = "Work directory: image cache, containerd, logs (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };
    private readonly Option<string?> _agent = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>Creates the command.</summary>
    public ConcurrencyCommand()
        : base("concurrency", "Unpack 1, 2 and 4 independent copies of the large image at once; print per-copy time and aggregate MB/s")
    {
        Options.Add(_runs);
        Options.Add(_largeMb);
        Options.Add(_copies);
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
            throw new MissingPrerequisiteException("concurrency starts containerd and unpacks into overlayfs, which needs root. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(_work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(_agent)), Path.Combine(work, "agent", "build"));
        var image = new ImageCache(Path.Combine(work, "images"), progress).Large(new LargeImageShape(parse.GetValue(_largeMb) * 1000L * 1000L, LayerCount: 8), cancellationToken);
        await output.WriteLineAsync(await MachineDescription.DescribeAsync(work, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"LARGE: {image.Describe()}"));

        var agent = new AgentDocumentRun(agentDll, Path.Combine(work, "concurrency"));
        var results = new List<BenchmarkResult>();
        foreach (var copies in parse.GetValue(_copies)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            results.Add(await agent.RunAsync(image.ArchivePath, parse.GetValue(_runs), ["--concurrency", copies, "--stats-source", "cgroup"], $"copies-{copies}", progress, cancellationToken));
        }

        ConcurrencyReport.Write(output, results, Environment.ProcessorCount);
        return ExitCodes.Success;
    }
}
