using System.CommandLine;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// One command of <c>unpackbench-agent</c>. A class implementing this with a parameterless constructor
/// is a command: <see cref="AgentCommands"/> finds it, so adding a command is adding its file.
/// </summary>
internal interface IAgentCommand
{
    /// <summary>The command's name, options and help.</summary>
    Command Definition { get; }

    /// <summary>Runs the command parsed in <paramref name="parse"/>; returns the exit code (<see cref="ExitCodes"/>).</summary>
    Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken);
}
