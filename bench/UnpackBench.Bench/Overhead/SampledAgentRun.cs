using System.Globalization;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace UnpackBench.Bench.Overhead;

/// <summary>
/// Runs the agent on its private containerd (so it measures containerd through its own cgroup) at a
/// given sampling interval, and sums what its result document says: the timed windows' wall time
/// and the CPU time the sampler thread itself used during them.
/// </summary>
internal sealed class SampledAgentRun(string agentDll, string workDirectory)
{
    /// <summary>Runs <paramref name="runs"/> timed runs at <paramref name="intervalMs"/>.</summary>
    public async Task<SamplerOverhead> RunAsync(string archive, int intervalMs, int runs, TextWriter progress, CancellationToken cancellationToken)
    {
        var output = Path.Combine(workDirectory, string.Create(CultureInfo.InvariantCulture, $"results-{intervalMs}ms"));
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"sampling every {intervalMs} ms: {runs} runs (+1 warm-up)"));
        var result = await Cli.Wrap("dotnet")
            .WithArguments([
                agentDll, "run", "--archive", archive, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--warmup", "1",
                "--sample-interval", intervalMs.ToString(CultureInfo.InvariantCulture), "--stats-source", "cgroup",
                "--root", Path.Combine(workDirectory, "containerd"), "--output", output, "--json",
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the agent exited with {result.ExitCode}:\n{result.StandardError}");
        }

        using var document = JsonDocument.Parse(result.StandardOutput);
        var successful = document.RootElement.GetProperty("runs").EnumerateArray()
            .Where(r => r.GetProperty("status").GetString() == "success")
            .ToList();
        if (successful.Count == 0 || successful.Any(r => r.GetProperty("metrics").ValueKind != JsonValueKind.Object))
        {
            throw new InvalidOperationException("the agent's runs carry no cgroup metrics; is the cgroup filesystem writable?");
        }

        var windows = successful.Sum(r => r.GetProperty("duration_seconds").GetDouble());
        var sampler = successful.Sum(r => r.GetProperty("metrics").GetProperty("sampler_cpu_seconds").GetDouble());
        var last = successful[^1];
        var peaks = last.GetProperty("peak_metrics");
        return new SamplerOverhead(intervalMs, successful.Count, windows, sampler, new RunPeaks(
            peaks.GetProperty("cpu_peak_percent").GetDouble(),
            peaks.GetProperty("memory_peak_mb").GetDouble(),
            peaks.GetProperty("pid_peak_count").GetInt32(),
            last.GetProperty("duration_seconds").GetDouble(),
            last.GetProperty("metrics").GetProperty("cpu_seconds").GetDouble()));
    }
}
