using UnpackBench.Agent.Calibration;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// How calibrate and predict end: the verdict on every channel (<see cref="VerdictWriter"/>) and its exit
/// code — 2 for a bad input document, 1 for what failed at run time, 130 when interrupted; on failure one
/// <c>error:</c> line saying what and what to do; a bug gets the stack-trace hint, never a stack trace.
/// </summary>
internal static class PredictionCommandFailures
{
    /// <summary>Runs <paramref name="command"/> and reports its verdict, or its failure, through <paramref name="verdicts"/>.</summary>
    public static async Task<int> RunAsync(AgentConsole console, VerdictWriter verdicts, Func<Task<AgentVerdict>> command, CancellationToken cancellationToken)
    {
        try
        {
            return await verdicts.WriteAsync(await command());
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            return await verdicts.WriteAsync(AgentVerdict.Interrupted($"interrupted: {e.Message}"));
        }
        catch (Exception e) when (Classify(e) is { } failure)
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

    private static (int ExitCode, string Reason)? Classify(Exception e) => e switch
    {
        PredictionDocumentException => (ExitCodes.Usage, AgentFailureReasons.InvalidSpec),
        // The calibration given has no coefficients for a layer of the image: another calibration is needed.
        PredictionException => (ExitCodes.Failed, AgentFailureReasons.InvalidSpec),
        CalibrationException => (ExitCodes.Failed, AgentFailureReasons.CalibrationFailed),
        _ => FailureClassifier.Classify(e),
    };
}
