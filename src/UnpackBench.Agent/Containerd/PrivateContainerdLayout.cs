using System.Security.Cryptography;
using System.Text;

namespace UnpackBench.Agent.Containerd;

/// <summary>
/// Where the private containerd keeps everything, derived from the agent's <c>--root</c>:
/// <c>root/</c> (content and snapshots — the cache that survives between benchmarks), <c>state/</c>,
/// the config, the pid file and the log.
/// </summary>
internal sealed record PrivateContainerdLayout(string BaseDirectory)
{
    // sockaddr_un allows 108 bytes (not characters: a non-ASCII path takes more bytes than characters);
    // leave room for containerd's ".ttrpc" suffix.
    private const int MaxSocketPathLength = 100;

    /// <summary>containerd's persistent root (content store, metadata, snapshots).</summary>
    public string RootDirectory => Path.Combine(BaseDirectory, "root");

    /// <summary>containerd's state directory.</summary>
    public string StateDirectory => Path.Combine(BaseDirectory, "state");

    /// <summary>The generated config file.</summary>
    public string ConfigPath => Path.Combine(BaseDirectory, "containerd.toml");

    /// <summary>The pid of the containerd we started, to stop one an earlier agent left behind.</summary>
    public string PidFilePath => Path.Combine(BaseDirectory, "containerd.pid");

    /// <summary>Locked while an agent uses this root, so two agents (even in different pods sharing a cache volume) never share one.</summary>
    public string LockPath => Path.Combine(BaseDirectory, "agent.lock");

    /// <summary>containerd's log of the latest run, kept for troubleshooting.</summary>
    public string LogPath => Path.Combine(BaseDirectory, "containerd.log");

    /// <summary>
    /// The gRPC socket: inside the state directory when the path is short enough for a unix
    /// socket, otherwise under /run with a name derived from the base directory.
    /// </summary>
    public string SocketPath
    {
        get
        {
            var inState = Path.Combine(StateDirectory, "containerd.sock");
            if (Encoding.UTF8.GetByteCount(inState) <= MaxSocketPathLength)
            {
                return inState;
            }

            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(BaseDirectory)))[..16];
            return Path.Combine("/run/unpackbench", hash + ".sock");
        }
    }
}
