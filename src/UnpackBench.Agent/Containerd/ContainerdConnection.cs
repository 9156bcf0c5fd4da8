using System.Net.Sockets;
using Grpc.Core;
using Grpc.Net.Client;
using ContentClient = UnpackBench.Agent.Containerd.Api.Content.Content.ContentClient;
using DiffClient = UnpackBench.Agent.Containerd.Api.Diff.Diff.DiffClient;
using ImagesClient = UnpackBench.Agent.Containerd.Api.Images.Images.ImagesClient;
using IntrospectionClient = UnpackBench.Agent.Containerd.Api.Introspection.Introspection.IntrospectionClient;
using LeasesClient = UnpackBench.Agent.Containerd.Api.Leases.Leases.LeasesClient;
using SnapshotsClient = UnpackBench.Agent.Containerd.Api.Snapshots.Snapshots.SnapshotsClient;
using VersionClient = UnpackBench.Agent.Containerd.Api.Version.Version.VersionClient;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// A gRPC connection to containerd over its unix socket, scoped to one containerd namespace.
/// Every call carries the namespace header, so the agent can only see and change its own objects
/// even on a shared containerd.
/// </summary>
internal sealed class ContainerdConnection : IDisposable
{
    /// <summary>The namespace the agent works in unless told otherwise.</summary>
    public const string DefaultNamespace = "unpackbench";

    private const string NamespaceHeader = "containerd-namespace";
    private const string LeaseHeader = "containerd-lease";

    private readonly GrpcChannel _channel;

    private ContainerdConnection(string socketPath, string @namespace, GrpcChannel channel)
    {
        SocketPath = socketPath;
        Namespace = @namespace;
        _channel = channel;
        Snapshots = new SnapshotsClient(channel);
        Diff = new DiffClient(channel);
        Content = new ContentClient(channel);
        Images = new ImagesClient(channel);
        Leases = new LeasesClient(channel);
        Introspection = new IntrospectionClient(channel);
        Version = new VersionClient(channel);
    }

    /// <summary>The unix socket containerd listens on.</summary>
    public string SocketPath { get; }

    /// <summary>The containerd namespace every call is scoped to.</summary>
    public string Namespace { get; }

    /// <summary>Snapshot service client.</summary>
    public SnapshotsClient Snapshots { get; }

    /// <summary>Diff (apply) service client.</summary>
    public DiffClient Diff { get; }

    /// <summary>Content store client.</summary>
    public ContentClient Content { get; }

    /// <summary>Image records client.</summary>
    public ImagesClient Images { get; }

    /// <summary>Leases client.</summary>
    public LeasesClient Leases { get; }

    /// <summary>Introspection client (plugins, server pid).</summary>
    public IntrospectionClient Introspection { get; }

    /// <summary>Version client.</summary>
    public VersionClient Version { get; }

    /// <summary>Opens a connection; nothing is sent until the first call.</summary>
    public static ContainerdConnection Open(string socketPath, string @namespace = DefaultNamespace)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                try
                {
                    await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
            EnableMultipleHttp2Connections = false,
        };
        var channel = GrpcChannel.ForAddress("http://containerd", new GrpcChannelOptions
        {
            HttpHandler = handler,
            DisposeHttpClient = true,
            MaxReceiveMessageSize = 16 * 1024 * 1024,
            MaxSendMessageSize = 16 * 1024 * 1024,
        });
        return new ContainerdConnection(socketPath, @namespace, channel);
    }

    /// <summary>Call options for the namespace, optionally under a lease so what the call creates is protected from GC.</summary>
    public CallOptions Call(CancellationToken cancellationToken, string? leaseId = null, TimeSpan? timeout = null)
    {
        var headers = new Metadata { { NamespaceHeader, Namespace } };
        if (leaseId is not null)
        {
            headers.Add(LeaseHeader, leaseId);
        }

        return new CallOptions(headers, timeout is null ? null : DateTime.UtcNow + timeout, cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _channel.Dispose();
}
