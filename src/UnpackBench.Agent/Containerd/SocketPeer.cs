using System.Buffers.Binary;
using System.Net.Sockets;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// The process on the other end of a unix socket, from SO_PEERCRED. The kernel translates the pid into
/// the caller's PID namespace (0 when it is not visible there), so this also tells whether the agent
/// can see containerd's process at all. containerd 1.6 does not report its own pid over the API.
/// </summary>
internal static class SocketPeer
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;

    /// <summary>The pid of the process listening on <paramref name="socketPath"/>, or 0 when unknown.</summary>
    public static int ProcessId(string socketPath)
    {
        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            socket.Connect(new UnixDomainSocketEndPoint(socketPath));
            Span<byte> credentials = stackalloc byte[12]; // struct ucred { pid_t pid; uid_t uid; gid_t gid; }
            return socket.GetRawSocketOption(SolSocket, SoPeerCred, credentials) >= 4
                ? BinaryPrimitives.ReadInt32LittleEndian(credentials)
                : 0;
        }
        catch (SocketException)
        {
            return 0;
        }
    }
}
