using System.Diagnostics;
using CliWrap;
using Grpc.Core;
using UnpackBench.Agent.Sampling;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// The containerd the agent starts and owns: generated config under <c>--root</c>, its own socket,
/// supervised while the benchmark runs, and always stopped — on success, on error, on Ctrl+C and
/// SIGTERM (the caller cancels and disposes). A containerd left behind by an agent that was killed
/// is stopped on the next start with the same root. containerd runs in a session of its own: a
/// terminal's Ctrl+C signals the whole foreground process group, and a containerd shutting down on it
/// would race the agent's own handling of the interrupt (a run failing on a vanished containerd before
/// the agent has seen the signal, reported as a failure instead of an interrupt). So the interrupt
/// reaches only the agent, which finishes its runs' bookkeeping and then stops containerd itself.
/// </summary>
internal sealed class PrivateContainerd : IContainerdHost
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly PrivateContainerdLayout _layout;
    private readonly CancellationTokenSource _graceful = new();
    private readonly CancellationTokenSource _forceful = new();
    private readonly ContainerdLog _log;
    private CommandTask<CommandResult>? _process;
    private RootLock? _rootLock;

    private PrivateContainerd(PrivateContainerdLayout layout, ContainerdConnection connection)
    {
        _layout = layout;
        Connection = connection;
        _log = new ContainerdLog(layout.LogPath);
    }

    /// <inheritdoc />
    public ContainerdConnection Connection { get; }

    /// <inheritdoc />
    public string Mode => "private";

    /// <inheritdoc />
    public int ProcessId => _process?.ProcessId ?? 0;

    /// <inheritdoc />
    public Task Exited => _process is null ? Task.CompletedTask : _process.Task;

    /// <summary>The directory containerd keeps its content and snapshots in.</summary>
    public string RootDirectory => _layout.RootDirectory;

    /// <summary>
    /// Starts containerd (<paramref name="binary"/>) in a new session and waits until it answers; <paramref name="notice"/>
    /// hears about a containerd left behind on the same root being stopped. With a
    /// <paramref name="cgroup"/>, containerd starts inside it.
    /// </summary>
    public static async Task<PrivateContainerd> StartAsync(
        ContainerdBinary binary, PrivateContainerdLayout layout, IReadOnlyDictionary<string, string?> environment, Action<string>? notice,
        CancellationToken cancellationToken, ContainerdCgroup? cgroup = null)
    {
        Directory.CreateDirectory(layout.BaseDirectory);
        var rootLock = RootLock.Acquire(layout);
        try
        {
            await StaleContainerdReaper.ReapAsync(layout, notice ?? (_ => { }));
            Directory.CreateDirectory(layout.RootDirectory);
            Directory.CreateDirectory(layout.StateDirectory);
            Directory.CreateDirectory(Path.GetDirectoryName(layout.SocketPath)!);
            File.Delete(layout.SocketPath);
            await File.WriteAllTextAsync(layout.ConfigPath, ContainerdConfigFile.Render(layout), cancellationToken);
        }
        catch
        {
            rootLock.Dispose();
            throw;
        }

        var host = new PrivateContainerd(layout, ContainerdConnection.Open(layout.SocketPath)) { _rootLock = rootLock };
        try
        {
            if (cgroup is null)
            {
                host.Launch(binary, environment);
            }
            else
            {
                cgroup.Launch(() => host.Launch(binary, environment));
            }

            await host.WaitUntilServingAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    private bool Launch(ContainerdBinary binary, IReadOnlyDictionary<string, string?> environment)
    {
        // setsid execs containerd in place (the child is no process group leader, so it need not fork):
        // the pid CliWrap reports, records and signals is containerd's.
        _process = Cli.Wrap(binary.Setsid)
            .WithArguments([binary.Path, "--config", _layout.ConfigPath])
            .WithEnvironmentVariables(environment)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(_log.Append))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(_log.Append))
            .WithValidation(CommandResultValidation.None)
            .ExecuteAsync(_forceful.Token, _graceful.Token);
        StaleContainerdReaper.Record(_layout, _process.ProcessId);
        return true;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process!.Task.IsCompleted)
            {
                throw new ContainerdException($"containerd exited while starting (see {_layout.LogPath}):{Environment.NewLine}{LogTail()}");
            }

            try
            {
                await Connection.Version.VersionAsync(new(), Connection.Call(cancellationToken, timeout: TimeSpan.FromSeconds(2)));
                return;
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded && clock.Elapsed < StartTimeout)
            {
                await Task.Delay(50, cancellationToken);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                throw new ContainerdException($"containerd did not answer on {_layout.SocketPath} within {StartTimeout.TotalSeconds:0} s (see {_layout.LogPath}):{Environment.NewLine}{LogTail()}", e);
            }
        }
    }

    /// <inheritdoc />
    public string LogTail() => _log.Tail();

    /// <summary>Stops containerd: SIGINT and a grace period for a clean shutdown, then SIGKILL.</summary>
    public async ValueTask DisposeAsync()
    {
        Connection.Dispose();
        if (_process is not null)
        {
            await _graceful.CancelAsync();
            if (await Task.WhenAny(_process.Task, Task.Delay(StopGrace)) != _process.Task)
            {
                await _forceful.CancelAsync();
            }

            try
            {
                await _process;
            }
            catch (OperationCanceledException)
            {
                // Cancellation is how we stop it; its exit status is not news.
            }

            StaleContainerdReaper.Forget(_layout);
        }

        File.Delete(_layout.SocketPath);
        _log.Dispose();
        _rootLock?.Dispose();
        _graceful.Dispose();
        _forceful.Dispose();
    }
}
