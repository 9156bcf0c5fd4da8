using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Runs a validated benchmark and turns how it ended — a result, a classified failure, an interrupt or
/// a bug — into one <see cref="AgentVerdict"/>, reported by a <see cref="VerdictWriter"/>.
/// </summary>
internal static class BenchmarkExecution
{
    /// <summary>Runs <paramref name="settings"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(BenchmarkSettings settings, AgentConsole console, CancellationToken cancellationToken)
    {
        var (json, human) = ReporterFactory.Create(settings, console);
        var verdicts = new VerdictWriter(console.Error, json, settings.TerminationMessagePath);
        var session = new BenchmarkSession((IBenchmarkReporter?)json ?? human!, TimeProvider.System, console.Environment, s => ImageSourceFactory.Open(s, console.Environment));
        try
        {
            var outcome = human is null
                ? await session.RunAsync(settings, cancellationToken)
                : await human.RunAsync(() => session.RunAsync(settings, cancellationToken));
            if (settings.PrintJson)
            {
                await console.Out.WriteLineAsync(ResultJson.Serialize(outcome.Result));
            }

            return await verdicts.WriteAsync(SessionVerdict.Of(outcome), outcome.Result);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            return await verdicts.WriteAsync(AgentVerdict.Interrupted($"interrupted before any run completed; containerd was stopped and nothing was written ({e.GetType().Name})"));
        }
        catch (Exception e) when (FailureClassifier.Classify(e) is { } failure)
        {
            return await verdicts.WriteAsync(AgentVerdict.Error(failure.ExitCode, failure.Reason, e.Message));
        }
        catch (Exception e)
        {
            var code = await verdicts.WriteAsync(AgentVerdict.InternalError(e));
            await console.Error.WriteLineAsync(console.Environment("UNPACKBENCH_DEBUG") == "1" ? e.ToString() : "Set UNPACKBENCH_DEBUG=1 for the stack trace, and please report it.");
            return code;
        }
    }
}
