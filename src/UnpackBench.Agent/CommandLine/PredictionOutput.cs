using UnpackBench.Agent.Reporting;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Where calibrate and predict report besides their documents: with <c>--log-format json</c> (the operator's
/// pods) one event per line on stdout, ending in the document or a <c>failed</c> event; with
/// <c>--termination-message-path</c> the verdict in that file; and errors on stderr. Read from the request as
/// given, so even a command line that does not validate reaches the operator as a verdict.
/// </summary>
internal sealed class PredictionOutput
{
    private PredictionOutput(AgentConsole console, JsonLinesReporter? json, string? terminationMessagePath)
    {
        Json = json;
        Verdicts = new VerdictWriter(console.Error, json, terminationMessagePath);
    }

    /// <summary>The events on stdout, in JSON-log mode; null otherwise.</summary>
    public JsonLinesReporter? Json { get; }

    /// <summary>Reports how the command ended on every channel.</summary>
    public VerdictWriter Verdicts { get; }

    /// <summary>The output <paramref name="shared"/> (the options shared with <c>run</c>) asks for.</summary>
    public static PredictionOutput For(AgentConsole console, AgentRunRequest shared)
    {
        var json = string.Equals(shared.LogFormat, AgentCommandLine.JsonLogFormat, StringComparison.OrdinalIgnoreCase) ? new JsonLinesReporter(console.Out, TimeProvider.System) : null;
        var terminationPath = shared.TerminationMessagePath is null ? null : Path.GetFullPath(shared.TerminationMessagePath, console.WorkingDirectory);
        return new PredictionOutput(console, json, terminationPath);
    }
}
