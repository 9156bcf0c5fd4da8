using System.Net.Sockets;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Containerd;

/// <summary>
/// What a containerd started outside the product needs (the test fixture's, the benchmark's): a config
/// keeping everything under one directory, and a readiness check on its socket.
/// </summary>
public static class StandaloneContainerd
{
    /// <summary>The config.toml: root, state and opt under <paramref name="directory"/>, the socket at <paramref name="address"/>, CRI off.</summary>
    public static string Config(string directory, string address) => $"""
        version = 2
        root = "{directory}/root"
        state = "{directory}/state"
        disabled_plugins = ["io.containerd.grpc.v1.cri"]

        [grpc]
          address = "{address}"

        [ttrpc]
          address = "{address}.ttrpc"

        [debug]
          level = "warn"

        [plugins."io.containerd.internal.v1.opt"]
          path = "{directory}/opt"
        """;

    /// <summary>Whether containerd accepts connections on <paramref name="address"/>; throws if it already exited.</summary>
    public static async Task<bool> AcceptsConnectionsAsync(DaemonProcess daemon, string address, CancellationToken cancellationToken)
    {
        if (daemon.HasExited)
        {
            throw new InvalidOperationException("containerd exited during start-up.");
        }

        if (!File.Exists(address))
        {
            return false;
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        await socket.ConnectAsync(new UnixDomainSocketEndPoint(address), cancellationToken);
        return true;
    }
}
