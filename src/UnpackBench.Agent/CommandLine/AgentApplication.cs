using System.CommandLine;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// The agent's entry point minus process concerns: parses the command line and hands it to its
/// command. A command line that does not parse exits with <see cref="ExitCodes.Usage"/> and a sentence
/// per problem, never a stack trace.
/// </summary>
internal static class AgentApplication
{
    /// <summary>Runs the agent with <paramref name="args"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken) =>
        RunAsync(args, new AgentConsole(stdout, stderr, environment, Directory.GetCurrentDirectory()), cancellationToken);

    /// <summary>Runs the agent with <paramref name="args"/> against <paramref name="console"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, AgentConsole console, CancellationToken cancellationToken)
    {
        var commands = AgentCommands.Create();
        var root = new RootCommand($"{AgentCommandLine.Executable}: measures how fast containerd turns an image's layers into a filesystem");
        foreach (var command in commands)
        {
            root.Subcommands.Add(command.Definition);
        }

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await console.Error.WriteLineAsync($"error: {error.Message}");
            }

            await console.Error.WriteLineAsync($"Run '{AgentCommandLine.Executable} {CommandName(parse, root)} --help' for the options.");
            return ExitCodes.Usage;
        }

        if (parse.Action is not null)
        {
            // --help or --version: let System.CommandLine print what was asked for.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = console.Out, Error = console.Error }, cancellationToken);
        }

        if (commands.FirstOrDefault(c => c.Definition == parse.CommandResult.Command) is not { } chosen)
        {
            await console.Error.WriteLineAsync($"error: no command given. Use '{AgentCommandLine.Executable} {AgentCommandLine.RunCommand} --image REF' (see '{AgentCommandLine.Executable} --help').");
            return ExitCodes.Usage;
        }

        return await chosen.RunAsync(parse, console, cancellationToken);
    }

    private static string CommandName(ParseResult parse, RootCommand root) =>
        parse.CommandResult.Command == root ? AgentCommandLine.RunCommand : parse.CommandResult.Command.Name;
}
