using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>How the agent ends: its exit code, the verdict it reports, and how the message is printed.</summary>
/// <param name="ExitCode">One of <see cref="ExitCodes"/>.</param>
/// <param name="Outcome">One of <see cref="AgentOutcomes"/>.</param>
/// <param name="Reason">One of <see cref="AgentFailureReasons"/>; null on success.</param>
/// <param name="Message">The sentence for people and the operator.</param>
/// <param name="Kind">How the message is shown on stderr.</param>
internal sealed record AgentVerdict(int ExitCode, string Outcome, string? Reason, string Message, VerdictKind Kind)
{
    /// <summary>The lines stderr shows instead of the one message (one per problem of an invalid command line).</summary>
    public IReadOnlyList<string>? Lines { get; init; }

    /// <summary>The command line asks for something impossible; each problem is its own line.</summary>
    public static AgentVerdict Invalid(IReadOnlyList<string> problems) =>
        Error(ExitCodes.Usage, AgentFailureReasons.InvalidSpec, string.Join("; ", problems)) with { Lines = problems };

    /// <summary>The benchmark succeeded.</summary>
    public static AgentVerdict Success(string message) => new(ExitCodes.Success, AgentOutcomes.Succeeded, null, message, VerdictKind.Success);

    /// <summary>A failure the user can act on: printed as <c>error: …</c>.</summary>
    public static AgentVerdict Error(int exitCode, string reason, string message) => new(exitCode, AgentOutcomes.Failed, reason, message, VerdictKind.Error);

    /// <summary>SIGINT or SIGTERM stopped the agent: printed as it is.</summary>
    public static AgentVerdict Interrupted(string message) => new(ExitCodes.Interrupted, AgentOutcomes.Failed, AgentFailureReasons.Incomplete, message, VerdictKind.Interrupted);

    /// <summary>A bug: printed as it is, with a hint for the stack trace.</summary>
    public static AgentVerdict InternalError(Exception e) =>
        new(ExitCodes.Failed, AgentOutcomes.Failed, AgentFailureReasons.InternalError, $"internal error: {e.GetType().Name}: {e.Message}", VerdictKind.InternalError);
}

/// <summary>The kinds of verdict, which decide how it is printed.</summary>
internal enum VerdictKind
{
    /// <summary>Nothing is printed on stderr.</summary>
    Success,

    /// <summary>Printed as <c>error: message</c>.</summary>
    Error,

    /// <summary>Printed as the message alone.</summary>
    Interrupted,

    /// <summary>Printed as the message alone, with the stack trace hint.</summary>
    InternalError,
}
