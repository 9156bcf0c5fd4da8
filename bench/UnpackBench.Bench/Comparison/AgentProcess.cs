using System.Globalization;
using System.Text;
using System.Text.Json;
using CliWrap;
using CliWrap.Buffered;

namespace UnpackBench.Bench.Comparison;

/// <summary>
/// Runs the agent, built in Release, as its own process against the benchmark's containerd for one timed run:
/// <c>dotnet unpackbench-agent.dll run --archive … --runs 1 --containerd-address … --output … --json</c>.
/// The agent clears the namespace's snapshots before and after its run and prints the result document on stdout;
/// its progress (stderr) is kept in a log file per invocation.
/// </summary>
/// <param name="agentDll">The agent's build.</param>
/// <param name="containerdAddress">The benchmark's containerd.</param>
/// <param name="workDirectory">Where results and logs go.</param>
/// <param name="options">More agent options for every run (e.g. <c>--floor</c>).</param>
internal sealed class AgentProcess(string agentDll, string containerdAddress, string workDirectory, IReadOnlyList<string>? options = null)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);
    private int _invocations;

    /// <summary>The containerd namespace the agent works in.</summary>
    public const string Namespace = "unpackbench";

    /// <summary>The prefix of the ids of the leases the agent creates.</summary>
    public const string LeasePrefix = "unpackbench-";

    /// <summary>Runs the agent once on <paramref name="archive"/>; throws unless its run succeeded.</summary>
    public async Task<AgentRun> RunAsync(string archive, string label, CancellationToken cancellationToken)
    {
        var invocation = Interlocked.Increment(ref _invocations);
        var output = Directory.CreateDirectory(Path.Combine(workDirectory, "agent", "results")).FullName;
        var log = Path.Combine(Directory.CreateDirectory(Path.Combine(workDirectory, "logs")).FullName,
            string.Create(CultureInfo.InvariantCulture, $"agent-{invocation:000}-{label}.log"));

        // Ctrl+C reaches the agent as SIGINT (it then stops cleanly); a kill follows if it does not stop.
        using var forceful = new CancellationTokenSource();
        await using var escalate = cancellationToken.Register(() => forceful.CancelAfter(StopGrace));
        var result = await Cli.Wrap("dotnet")
            .WithArguments([agentDll, "run", "--archive", archive, "--runs", "1", "--containerd-address", containerdAddress, "--output", output, "--json", .. options ?? []])
            .WithWorkingDirectory(Directory.CreateDirectory(Path.Combine(workDirectory, "agent")).FullName)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, forceful.Token, cancellationToken);
        await File.WriteAllTextAsync(log, result.StandardError, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        if (result.ExitCode != 0)
        {
            var hint = result.StandardError.Contains("cannot remove snapshot with child", StringComparison.Ordinal)
                ? "\ncontainerd's metadata holds a link to a child snapshot that no longer exists (containerd issue #11908: garbage " +
                  "collection removed the child without unlinking it). Nothing can remove that parent; delete " +
                  $"{Path.Combine(workDirectory, "containerd")} (a cache) and run again."
                : string.Empty;
            throw new InvalidOperationException(
                $"the agent exited with {result.ExitCode} on {Path.GetFileName(archive)} (log: {log}):\n{Tail(result.StandardError)}{hint}");
        }

        return Parse(result.StandardOutput, archive, log);
    }

    private static AgentRun Parse(string stdout, string archive, string log)
    {
        var start = stdout.IndexOf('{', StringComparison.Ordinal);
        if (start < 0)
        {
            throw new InvalidOperationException($"the agent printed no result document on {Path.GetFileName(archive)} (log: {log})");
        }

        using var document = JsonDocument.Parse(stdout[start..]);
        var root = document.RootElement;
        var run = root.GetProperty("runs")[0];
        if (run.GetProperty("status").GetString() != "success")
        {
            var error = run.TryGetProperty("error", out var message) ? message.GetString() : null;
            throw new InvalidOperationException($"the agent's run on {Path.GetFileName(archive)} failed: {error ?? "no reason given"} (log: {log})");
        }

        var image = root.GetProperty("image");
        return new AgentRun(
            TimeSpan.FromSeconds(run.GetProperty("duration_seconds").GetDouble()),
            image.GetProperty("manifest_digest").GetString() ?? throw new InvalidOperationException("the result document has no image.manifest_digest"),
            image.GetProperty("layers").GetArrayLength());
    }

    private static string Tail(string text) => string.Join('\n', text.Split('\n').TakeLast(15)).Trim();
}
