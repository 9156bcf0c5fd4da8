using System.Globalization;
using CliWrap;

namespace UnpackBench.Bench.OperatorScale;

/// <summary>The operator's Release build run as its own process (so its memory is its own), connected to the test API server by a kubeconfig.</summary>
internal sealed class OperatorProcess : IAsyncDisposable
{
    private readonly CancellationTokenSource _graceful = new();
    private readonly CancellationTokenSource _forceful = new();
    private CommandTask<CommandResult> _process = null!;

    /// <summary>The operator's pid.</summary>
    public int ProcessId => _process.ProcessId;

    /// <summary>Starts the operator, with its default settings, connecting as <paramref name="kubeconfig"/> says.</summary>
    public static OperatorProcess Start(string operatorDll, string kubeconfig, TextWriter log)
    {
        var running = new OperatorProcess();
        running._process = Cli.Wrap("dotnet")
            .WithArguments([
                operatorDll, "--kubeconfig", kubeconfig, "--agent-image", "bench/agent:1",
                "--metrics-port", "0", "--health-port", "0",
            ])
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line => log.WriteLine($"  operator: {line}")))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => log.WriteLine($"  operator: {line}")))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(running._forceful.Token, running._graceful.Token);
        return running;
    }

    /// <summary>The peak resident memory so far (VmHWM), MiB.</summary>
    public double PeakMemoryMb()
    {
        var line = File.ReadLines($"/proc/{ProcessId}/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
        return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _graceful.CancelAsync();
        if (await Task.WhenAny(_process.Task, Task.Delay(TimeSpan.FromSeconds(10))) != _process.Task)
        {
            await _forceful.CancelAsync();
        }

        try
        {
            await _process;
        }
        catch (OperationCanceledException)
        {
        }

        _graceful.Dispose();
        _forceful.Dispose();
    }
}
