using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Core.Results;

namespace UnpackBench.Bench.Physics;

/// <summary>
/// Runs the agent on its private containerd (its root kept under the work directory, so the image and its
/// re-encoded variants are imported once) with the given options, and reads its result document.
/// </summary>
internal sealed class AgentDocumentRun(string agentDll, string workDirectory)
{
    /// <summary>Runs <c>unpackbench-agent run --archive ARCHIVE --runs N OPTIONS… --json</c>; throws unless it exits 0.</summary>
    public async Task<BenchmarkResult> RunAsync(string archive, int runs, IReadOnlyList<string> options, string label, TextWriter progress, CancellationToken cancellationToken)
    {
        var logs = Directory.CreateDirectory(Path.Combine(workDirectory, "logs")).FullName;
        var log = Path.Combine(logs, $"agent-{label}.log");
        await progress.WriteLineAsync($"{label}: {runs} run(s) with {(options.Count == 0 ? "no options" : string.Join(' ', options))} (log: {log})");
        var result = await Cli.Wrap("dotnet")
            .WithArguments([
                agentDll, "run", "--archive", archive, "--runs", runs.ToString(CultureInfo.InvariantCulture), .. options,
                "--root", Path.Combine(workDirectory, "containerd"), "--output", Path.Combine(workDirectory, "results"), "--json",
            ])
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
        await File.WriteAllTextAsync(log, result.StandardError, CancellationToken.None);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"the agent exited with {result.ExitCode} ({label}); see {log}:\n{string.Join('\n', result.StandardError.Split('\n').TakeLast(10))}");
        }

        return ResultJson.Deserialize(result.StandardOutput);
    }
}
