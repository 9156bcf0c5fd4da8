using System.Diagnostics;
using UnpackBench.Testing.Native;

namespace UnpackBench.Testing.Processes;

/// <summary>
/// A long-running child process (containerd, a registry) whose recent output is kept for failure messages.
/// Stopping sends SIGTERM, waits a grace period, then kills the whole process tree.
/// </summary>
public sealed class DaemonProcess : IAsyncDisposable
{
    private const int KeptLines = 200;

    private readonly Process _process;
    private readonly Queue<string> _recentLines = new();
    private readonly Lock _linesLock = new();
    private bool _disposed;

    private DaemonProcess(Process process) => _process = process;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>The program that was started, for messages.</summary>
    public string Description { get; private init; } = string.Empty;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The last lines the process wrote to stdout and stderr.</summary>
    public string RecentOutput
    {
        get
        {
            lock (_linesLock)
            {
                return string.Join('\n', _recentLines);
            }
        }
    }

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/>, capturing its output.</summary>
    public static DaemonProcess Start(string executable, IEnumerable<string> arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var daemon = new DaemonProcess(process) { Description = $"{executable} {string.Join(' ', startInfo.ArgumentList)}" };
        process.OutputDataReceived += (_, line) => daemon.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => daemon.Keep(line.Data);
        if (!process.Start())
        {
            throw new InvalidOperationException($"could not start {daemon.Description}");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return daemon;
    }

    /// <summary>Completes when the process exits.</summary>
    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM, then after <paramref name="grace"/> a kill of the whole tree. Safe to call more than once.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_disposed || _process.HasExited)
        {
            return;
        }

        LibC.Terminate(_process.Id);
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        await StopAsync(TimeSpan.FromSeconds(10));
        _disposed = true;
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_linesLock)
        {
            _recentLines.Enqueue(line);
            if (_recentLines.Count > KeptLines)
            {
                _recentLines.Dequeue();
            }
        }
    }
}
