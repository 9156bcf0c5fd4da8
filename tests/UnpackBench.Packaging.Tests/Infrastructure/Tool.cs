using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Testing;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>Runs a command-line tool the packaging is checked with (helm, node), failing with an install hint when it is missing.</summary>
internal static class Tool
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    /// <summary>The tool's stdout; fails the test with its stderr when it exits non-zero.</summary>
    public static string Run(string name, string installHint, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        var result = TryRun(name, installHint, arguments, standardInput);
        Assert.True(result.ExitCode == 0, $"{name} {string.Join(' ', arguments)} failed ({result.ExitCode}):\n{result.StandardError}{result.StandardOutput}");
        return result.StandardOutput;
    }

    /// <summary>Exit code, stdout and stderr, whatever the exit code.</summary>
    public static BufferedCommandResult TryRun(string name, string installHint, IReadOnlyList<string> arguments, string? standardInput = null)
    {
        var executable = Prerequisites.RequireExecutable(name, installHint);
        using var limit = new CancellationTokenSource(Limit);
        var command = Cli.Wrap(executable).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (standardInput is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(standardInput));
        }

        return command.ExecuteBufferedAsync(limit.Token).GetAwaiter().GetResult();
    }
}
