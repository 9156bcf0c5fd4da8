using System.Collections.Concurrent;
using CliWrap;
using UnpackBench.Agent.Containerd;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>
/// The agent started as a shell starts a foreground job: in a process group of its own (through
/// util-linux's <c>setsid</c>), so that Ctrl+C can be sent the way a terminal sends it — to the whole
/// group, every process in it at once.
/// </summary>
internal sealed class TerminalJob : IAsyncDisposable
{
    private const int SigInt = 2;

    private readonly ConcurrentQueue<string> _transcript = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _awaited = new(StringComparer.Ordinal);
    private readonly CommandTask<CommandResult> _command;

    private TerminalJob(string[] dotnetArguments, IReadOnlyDictionary<string, string?> environment)
    {
        var setsid = Prerequisites.RequireExecutable("setsid", "apt-get install -y util-linux");
        _command = Cli.Wrap(setsid)
            .WithArguments(["dotnet", .. dotnetArguments])
            .WithEnvironmentVariables(environment)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(Heard))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(Heard))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync();
    }

    /// <summary>Everything the agent printed so far.</summary>
    public string Transcript => string.Join('\n', _transcript);

    /// <summary>Starts <c>dotnet <paramref name="dotnetArguments"/></c> as a job, with extra <paramref name="environment"/> variables.</summary>
    public static TerminalJob Start(string[] dotnetArguments, IReadOnlyDictionary<string, string?>? environment = null) =>
        new(dotnetArguments, environment ?? new Dictionary<string, string?>());

    /// <summary>True once the agent printed a line containing <paramref name="text"/>; false if it did not within <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan timeout)
    {
        var heard = _awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (_transcript.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            heard.TrySetResult();
        }

        return await Task.WhenAny(heard.Task, _command.Task, Task.Delay(timeout)) == heard.Task;
    }

    /// <summary>Sends SIGINT to the job's process group, as a terminal does on Ctrl+C.</summary>
    public void PressCtrlC() => Assert.True(UnixProcesses.Signal(-_command.ProcessId, SigInt), "the job's process group is gone");

    /// <summary>Whether process <paramref name="pid"/> is in the job's process group, so that Ctrl+C reaches it too.</summary>
    public bool HasInItsGroup(int pid)
    {
        // /proc/PID/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so count from its ')'.
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture) == _command.ProcessId;
    }

    /// <summary>Waits for the job to end; its exit code.</summary>
    public async Task<int> ExitCodeAsync() => (await _command.Task.WaitAsync(TimeSpan.FromMinutes(2))).ExitCode;

    /// <summary>Kills what is left of the job's process group.</summary>
    public async ValueTask DisposeAsync()
    {
        if (!_command.Task.IsCompleted)
        {
            UnixProcesses.Signal(-_command.ProcessId, UnixProcesses.SigKill);
        }

        await _command.Task.ContinueWith(_ => { }, TaskScheduler.Default);
    }

    private void Heard(string line)
    {
        _transcript.Enqueue(line);
        foreach (var (text, heard) in _awaited)
        {
            if (line.Contains(text, StringComparison.Ordinal))
            {
                heard.TrySetResult();
            }
        }
    }
}
