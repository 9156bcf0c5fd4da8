using CliWrap;
using CliWrap.Buffered;

namespace UnpackBench.Testing.Processes;

/// <summary>Runs a short command to completion and fails with its stderr when it exits non-zero.</summary>
public static class CommandLine
{
    /// <summary>Runs <paramref name="executable"/> and returns its stdout; throws with the command line and stderr on failure.</summary>
    public static async Task<string> RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        var result = await TryRunAsync(executable, arguments, cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"`{executable} {string.Join(' ', arguments)}` exited with {result.ExitCode}: {result.StandardError.Trim()}");
        }

        return result.StandardOutput;
    }

    /// <summary>Runs <paramref name="executable"/> and returns exit code, stdout and stderr whatever the exit code.</summary>
    public static async Task<BufferedCommandResult> TryRunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken = default) =>
        await Cli.Wrap(executable)
            .WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cancellationToken);
}
