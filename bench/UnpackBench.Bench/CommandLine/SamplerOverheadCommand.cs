using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Overhead;
using UnpackBench.Bench.Reporting;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>sampler-overhead</c>: runs the agent on one image at two sampling intervals and prints the
/// sampler's own CPU time as a share of the timed windows' wall time, plus one run's peaks.
/// </summary>
internal sealed class SamplerOverheadCommand : Command
{
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per interval", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<int> _sizeMb = new("--size-mb") { Description = "Uncompressed size of the image, in MB", HelpName = "MB", DefaultValueFactory = _ => 200 };
    private readonly Option<string> _work = new("--work") { Description = "Work directory: image cache, containerd root, results (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };
    private readonly Option<string?> _agent = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>Creates the command.</summary>
    public SamplerOverheadCommand()
        : base("sampler-overhead", "Measure the resource sampler's own CPU cost during timed windows at 100 ms and 10 ms intervals")
    {
        Options.Add(_runs);
        Options.Add(_sizeMb);
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
            throw new MissingPrerequisiteException("sampler-overhead starts containerd and creates cgroups, which needs root. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(_work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(_agent)), Path.Combine(work, "agent", "build"));
        var shape = new LargeImageShape(parse.GetValue(_sizeMb) * 1000L * 1000L, LayerCount: 4);
        var image = new ImageCache(Path.Combine(work, "images"), progress).Large(shape, cancellationToken);
        var agent = new SampledAgentRun(agentDll, Path.Combine(work, "overhead"));

        await output.WriteLineAsync(await MachineDescription.DescribeAsync(work, cancellationToken));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"image: {image.Describe()}"));
        await output.WriteLineAsync();
        await output.WriteLineAsync("  interval   runs   windows (s)   sampler CPU (s)   share of one core   target");
        SamplerOverhead? coarse = null;
        foreach (var intervalMs in new[] { 100, 10 })
        {
            var overhead = await agent.RunAsync(image.ArchivePath, intervalMs, parse.GetValue(_runs), progress, cancellationToken);
            coarse ??= overhead;
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {intervalMs,5} ms   {overhead.Runs,4}   {overhead.WindowSeconds,11:0.000}   {overhead.SamplerCpuSeconds,15:0.0000}   {overhead.ShareOfOneCorePercent,15:0.000} %   {(intervalMs == 100 ? overhead.ShareOfOneCorePercent <= 0.5 ? "≤ 0.5 % met" : "≤ 0.5 % NOT met" : "–")}"));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("one real run's peaks (100 ms sampling), next to the original tool's TensorFlow figures for scale:");
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  this image:            cpu_peak_percent {coarse!.Peaks.Cpu,7:0.00}   memory_peak_mb {coarse.Peaks.MemoryMb,7:0.0}   pid_peak_count {coarse.Peaks.Pids,3}   (run of {coarse.Peaks.DurationSeconds:0.000} s, containerd used {coarse.Peaks.CpuSeconds:0.000} CPU-s)"));
        await output.WriteLineAsync("  original, TensorFlow:  cpu_peak_percent  237.73   memory_peak_mb   196.8   pid_peak_count  76   (docker stats of the whole Docker-in-Docker container)");
        return ExitCodes.Success;
    }
}
