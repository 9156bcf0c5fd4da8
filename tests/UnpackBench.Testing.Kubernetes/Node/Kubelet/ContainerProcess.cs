using System.Diagnostics;
using Microsoft.Win32.SafeHandles;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A container's process: started through <see cref="LauncherScript"/> in its own session (so it leads a
/// process group that holds everything it starts) and mount namespace, with stdin at end-of-file and
/// stdout and stderr read line by line into a <see cref="ContainerLog"/>. When the main process exits,
/// whatever it left running is killed, as a container runtime does when a container's init exits.
/// </summary>
/// <remarks>
/// Pids are reused quickly (the launcher alone starts dozens of processes), so nothing is signalled once it
/// may belong to someone else: the main pid only until it has exited, the process group only while it has
/// members, and the mount namespace's members only while an open handle pins the namespace's identity.
/// </remarks>
internal sealed class ContainerProcess : IContainer
{
    private static readonly TimeSpan OutputDrainLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RemainsLimit = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly ContainerLog _log;
    private readonly string _podDirectory;
    private readonly Task _output;
    private readonly Lock _gate = new();
    private SafeFileHandle? _namespaceHandle;
    private string? _mountNamespace;
    private bool _finished;

    private ContainerProcess(Process process, ContainerLog log, string podDirectory)
    {
        _process = process;
        _log = log;
        _podDirectory = podDirectory;
        Pid = process.Id;
        _output = Task.WhenAll(PumpAsync(process.StandardOutput), PumpAsync(process.StandardError));
        Exited = WaitAsync();
    }

    /// <summary>The main process (also the process group and session leader).</summary>
    public int Pid { get; }

    /// <inheritdoc />
    public string Id => $"test-kubelet://{Pid}";

    /// <summary>Completes with the exit code (128 + signal number when killed) once the process and everything it started are gone and its output is read.</summary>
    public Task<int> Exited { get; }

    /// <summary>Starts <paramref name="executable"/> with <paramref name="arguments"/> and exactly <paramref name="environment"/>.</summary>
    public static ContainerProcess Start(
        HostTools tools,
        string launcher,
        string podDirectory,
        IReadOnlyList<string> mountOperations,
        string executable,
        IEnumerable<string> arguments,
        IEnumerable<KeyValuePair<string, string>> environment,
        ContainerLog log)
    {
        var start = new ProcessStartInfo(tools.Setsid)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] prefix = ["--", tools.Unshare, "--mount", "--propagation", "private", "--", tools.Shell, launcher, podDirectory];
        foreach (var argument in prefix.Concat(mountOperations).Append("--").Append(executable).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"{tools.Setsid} did not start.");
        process.StandardInput.Close();
        return new ContainerProcess(process, log, podDirectory);
    }

    /// <summary>Waits until the launcher has handed over to the program (it touches POD_DIR/started) or the process ended.</summary>
    public async Task<bool> StartedAsync(CancellationToken cancellationToken)
    {
        var started = Path.Combine(_podDirectory, "started");
        while (!File.Exists(started) && !Exited.IsCompleted)
        {
            await Task.Delay(10, cancellationToken);
        }

        if (!File.Exists(started))
        {
            return false;
        }

        RecordMountNamespace();
        return true;
    }

    /// <summary>Pins the mount namespace the launcher created (call once it has started the program).</summary>
    private void RecordMountNamespace()
    {
        lock (_gate)
        {
            if (_finished || _namespaceHandle is not null || _process.HasExited)
            {
                return;
            }

            SafeFileHandle handle;
            try
            {
                handle = File.OpenHandle($"/proc/{Pid}/ns/mnt", FileMode.Open, FileAccess.Read);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return; // Exited meanwhile.
            }

            var identity = MountNamespaces.Of(Pid);
            if (identity is null || identity == MountNamespaces.Of(Environment.ProcessId) || _process.HasExited)
            {
                handle.Dispose();
                return;
            }

            (_namespaceHandle, _mountNamespace) = (handle, identity);
        }
    }

    /// <summary>SIGTERM to the main process, as a runtime stops a container.</summary>
    public void Terminate()
    {
        lock (_gate)
        {
            if (!_process.HasExited)
            {
                Signals.Send(Pid, Signals.Term);
            }
        }
    }

    /// <summary>SIGKILL to everything the container runs; nothing once it is all gone.</summary>
    public void KillAll()
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            if (!_process.HasExited)
            {
                Signals.Send(Pid, Signals.Kill);
            }

            KillRemains();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _finished = true;
            _namespaceHandle?.Dispose();
        }

        _process.Dispose();
    }

    private async Task<int> WaitAsync()
    {
        await _process.WaitForExitAsync();
        var code = _process.ExitCode;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            bool remaining;
            lock (_gate)
            {
                remaining = !_finished && KillRemains();
                if (!remaining || clock.Elapsed > RemainsLimit)
                {
                    _finished = true;
                    _namespaceHandle?.Dispose();
                    break;
                }
            }

            await Task.Delay(20);
        }

        try
        {
            await _output.WaitAsync(OutputDrainLimit);
        }
        catch (TimeoutException)
        {
            // Something outside the container still holds its pipes; the log ends here anyway.
        }

        _log.Complete();
        return code;
    }

    /// <summary>SIGKILLs the process group and the mount namespace's other members; false when there were none.</summary>
    private bool KillRemains()
    {
        var any = Signals.SendToGroup(Pid, Signals.Kill);
        if (_mountNamespace is not null)
        {
            foreach (var pid in MountNamespaces.Members(_mountNamespace))
            {
                any |= Signals.Send(pid, Signals.Kill);
            }
        }

        return any;
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            _log.Append(line);
        }
    }
}
