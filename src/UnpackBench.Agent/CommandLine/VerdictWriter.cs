using UnpackBench.Agent.Reporting;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Reports a verdict on every channel the agent has: stderr for people, a <c>failed</c> event for the
/// operator's log reader (in JSON-log mode), and the termination message, which reaches the operator
/// even when the log cannot be read.
/// </summary>
/// <param name="stderr">Where people read errors.</param>
/// <param name="json">The JSON-lines reporter, in JSON-log mode.</param>
/// <param name="terminationMessagePath">The termination message file, if any.</param>
internal sealed class VerdictWriter(TextWriter stderr, JsonLinesReporter? json, string? terminationMessagePath)
{
    /// <summary>Writes <paramref name="verdict"/> with the figures of <paramref name="result"/>; returns its exit code.</summary>
    public async Task<int> WriteAsync(AgentVerdict verdict, BenchmarkResult? result = null)
    {
        if (verdict.Kind != VerdictKind.Success)
        {
            foreach (var line in verdict.Lines ?? [verdict.Message])
            {
                await stderr.WriteLineAsync(verdict.Kind == VerdictKind.Error ? $"error: {line}" : line);
            }

            json?.Failed(verdict.Reason ?? AgentFailureReasons.InternalError, verdict.Message);
        }

        TerminationMessageFile.Write(terminationMessagePath, AgentTerminationMessage.For(verdict.Outcome, verdict.Reason, verdict.Message, result));
        return verdict.ExitCode;
    }
}
