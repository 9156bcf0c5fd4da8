using UnpackBench.Agent.Calibration;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// How calibrate and predict end when something goes wrong: one <c>error:</c> line saying what and
/// what to do, and the exit code — 2 for a bad input document, 1 for what failed at run time, 130 when
/// interrupted; a bug gets the stack-trace hint, never a stack trace.
/// </summary>
internal static class PredictionCommandFailures
{
    /// <summary>Runs <paramref name="command"/>, turning its failures into an exit code and a message on stderr.</summary>
    public static async Task<int> RunAsync(AgentConsole console, Func<Task<int>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync($"interrupted: {e.Message}");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (Classify(e) is { } code)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return code;
        }
        catch (Exception e)
        {
            await console.Error.WriteLineAsync($"internal error: {e.GetType().Name}: {e.Message}");
            await console.Error.WriteLineAsync(console.Environment("UNPACKBENCH_DEBUG") == "1" ? e.ToString() : "Set UNPACKBENCH_DEBUG=1 for the stack trace, and please report it.");
            return ExitCodes.Failed;
        }
    }

    private static int? Classify(Exception e) => e switch
    {
        PredictionDocumentException => ExitCodes.Usage,
        PredictionException or CalibrationException => ExitCodes.Failed,
        _ => FailureClassifier.Classify(e)?.ExitCode,
    };
}
