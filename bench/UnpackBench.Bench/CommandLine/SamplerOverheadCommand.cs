using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.Overhead;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>sampler-overhead</c>: runs the agent on one image at two sampling intervals and prints the
/// sampler's own CPU time as a share of the timed windows' wall time, plus one run's peaks.
/// </summary>
internal sealed class SamplerOverheadCommand : Command
{
    private readonly AgentBenchOptions _bench = new("--size-mb", "Uncompressed size of the image, in MB", defaultImageMb: 200, workDescription: "image cache, containerd root, results");
    private readonly Option<int> _runs = new("--runs") { Description = "Timed runs per interval", HelpName = "N", DefaultValueFactory = _ => 5 };

    /// <summary>Creates the command.</summary>
    public SamplerOverheadCommand()
        : base("sampler-overhead", "Measure the resource sampler's own CPU cost during timed windows at 100 ms and 10 ms intervals")
    {
        Options.Add(_runs);
        Options.Add(_bench.ImageMb);
        Options.Add(_bench.Work);
        Options.Add(_bench.Agent);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var bench = _bench.Prepare(parse, "creates cgroups");
        var output = bench.Output;
        var image = bench.Image(layerCount: 4, cancellationToken);
        var agent = new SampledAgentRun(bench.AgentDll, Path.Combine(bench.Work, "overhead"));
        await bench.DescribeAsync("image", image, cancellationToken);
        await output.WriteLineAsync();
        await output.WriteLineAsync("  interval   runs   windows (s)   sampler CPU (s)   share of one core   target");
        SamplerOverhead? coarse = null;
        foreach (var intervalMs in new[] { 100, 10 })
        {
            var overhead = await agent.RunAsync(image.ArchivePath, intervalMs, parse.GetValue(_runs), bench.Progress, cancellationToken);
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
