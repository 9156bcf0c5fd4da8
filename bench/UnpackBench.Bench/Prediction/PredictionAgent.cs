using System.Globalization;
using System.Text;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Bench.Prediction;

/// <summary>
/// Runs the agent's calibrate, run and predict as their own processes on one private containerd root, and
/// keeps what they print: each command's stderr in a log file, its JSON document in the work directory.
/// </summary>
internal sealed class PredictionAgent(string agentDll, string workDirectory)
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(60);
    private int _invocations;

    private string Root => Path.Combine(workDirectory, "containerd-agent");

    /// <summary>Calibrates with <paramref name="set"/>; returns the calibration document's path.</summary>
    public async Task<string> CalibrateAsync(string set, int? runs, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        string[] counts = runs is { } n ? ["--runs", n.ToString(CultureInfo.InvariantCulture)] : [];
        var json = await InvokeAsync("calibrate", ["calibrate", "--set", set, .. counts, "--root", Root, "--output", Output("calibration"), "--json", .. extra], cancellationToken);
        return await KeepAsync("calibration.json", json);
    }

    /// <summary>Benchmarks <paramref name="archive"/>; returns the result document's path.</summary>
    public async Task<string> RunAsync(string label, string archive, int runs, IReadOnlyList<string> extra, CancellationToken cancellationToken)
    {
        var json = await InvokeAsync($"run-{label}", ["run", "--archive", archive, "--runs", runs.ToString(CultureInfo.InvariantCulture), "--warmup", "1", "--root", Root, "--output", Output("results"), "--json", .. extra], cancellationToken);
        return await KeepAsync($"result-{label}.json", json);
    }

    /// <summary>Predicts <paramref name="archive"/> with <paramref name="calibration"/> and checks it against <paramref name="measured"/>.</summary>
    public async Task<PredictionDocument> PredictAsync(string label, string archive, string calibration, string measured, CancellationToken cancellationToken)
    {
        var json = await InvokeAsync($"predict-{label}", ["predict", "--archive", archive, "--calibration", calibration, "--measured", measured, "--json"], cancellationToken);
        await KeepAsync($"prediction-{label}.json", json);
        return PredictionJson.ReadPrediction(json, $"the prediction of {label}");
    }

    private string Output(string name) => Directory.CreateDirectory(Path.Combine(workDirectory, name)).FullName;

    private async Task<string> KeepAsync(string name, string json)
    {
        var path = Path.Combine(Output("documents"), name);
        await File.WriteAllTextAsync(path, json, CancellationToken.None);
        return path;
    }

    private async Task<string> InvokeAsync(string label, string[] arguments, CancellationToken cancellationToken)
    {
        var invocation = Interlocked.Increment(ref _invocations);
        var log = Path.Combine(Output("logs"), string.Create(CultureInfo.InvariantCulture, $"agent-{invocation:000}-{label}.log"));

        // Ctrl+C reaches the agent as SIGINT (it then stops cleanly); a kill follows if it does not stop.
        using var forceful = new CancellationTokenSource();
        await using var escalate = cancellationToken.Register(() => forceful.CancelAfter(StopGrace));
        var result = await Cli.Wrap("dotnet")
            .WithArguments([agentDll, .. arguments])
            .WithWorkingDirectory(workDirectory)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(Encoding.UTF8, Encoding.UTF8, forceful.Token, cancellationToken);
        await File.WriteAllTextAsync(log, result.StandardError, CancellationToken.None);
        cancellationToken.ThrowIfCancellationRequested();
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException($"the agent's {arguments[0]} exited with {result.ExitCode} (log: {log}):\n{string.Join('\n', result.StandardError.Split('\n').TakeLast(15)).Trim()}");
    }
}
