using Grpc.Core;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// An existing containerd given with <c>--containerd-address</c>. The agent works only inside its own
/// namespace there and never stops it.
/// </summary>
internal sealed class ExternalContainerd : IContainerdHost
{
    private ExternalContainerd(ContainerdConnection connection, int processId, ulong pidNamespace)
    {
        Connection = connection;
        ProcessId = processId;
        PidNamespace = pidNamespace;
    }

    /// <summary>The inode of containerd's PID namespace, to tell whether its pid means anything here.</summary>
    public ulong PidNamespace { get; }

    /// <inheritdoc />
    public ContainerdConnection Connection { get; }

    /// <inheritdoc />
    public string Mode => "external";

    /// <inheritdoc />
    public int ProcessId { get; }

    /// <inheritdoc />
    public Task Exited { get; } = new TaskCompletionSource().Task;

    /// <summary>Connects and checks that containerd answers on <paramref name="socketPath"/>.</summary>
    public static async Task<ExternalContainerd> ConnectAsync(string socketPath, CancellationToken cancellationToken)
    {
        if (!File.Exists(socketPath))
        {
            throw new ContainerdException($"no containerd socket at {socketPath}: check --containerd-address (the usual one is /run/containerd/containerd.sock) and that containerd is running");
        }

        var connection = ContainerdConnection.Open(socketPath);
        try
        {
            var server = await connection.Introspection.ServerAsync(new(), connection.Call(cancellationToken, timeout: TimeSpan.FromSeconds(10)));
            var pid = server.Pid > 0 ? (int)server.Pid : SocketPeer.ProcessId(socketPath);
            return new ExternalContainerd(connection, pid, server.Pidns);
        }
        catch (RpcException e)
        {
            connection.Dispose();
            var why = e.Status.DebugException?.InnerException?.Message ?? e.Status.Detail;
            throw new ContainerdException($"containerd at {socketPath} does not answer: {why}. Is it running, and may this user open the socket (usually root only)?", e);
        }
    }

    /// <inheritdoc />
    public string LogTail() => "";

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Connection.Dispose();
        return ValueTask.CompletedTask;
    }
}
