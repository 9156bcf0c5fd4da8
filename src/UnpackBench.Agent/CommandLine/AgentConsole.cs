namespace UnpackBench.Agent.CommandLine;

/// <summary>What a command talks to besides its arguments: the two output streams, the environment and the working directory.</summary>
/// <param name="Out">Standard output: results and, with <c>--log-format json</c>, the events the operator reads.</param>
/// <param name="Error">Standard error: errors and, when results go to stdout, the human progress.</param>
/// <param name="Environment">Environment variables.</param>
/// <param name="WorkingDirectory">Relative paths are resolved against this.</param>
internal sealed record AgentConsole(TextWriter Out, TextWriter Error, Func<string, string?> Environment, string WorkingDirectory);
