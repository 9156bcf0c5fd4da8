using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UnpackBench.Testing;
using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Bench.Containerd;

/// <summary>
/// The one containerd a benchmark runs against: its config, root (content store, snapshots, metadata), state
/// and temporary mounts live under the benchmark's work directory, on the real filesystem the work directory
/// is on; CRI is disabled. The root is kept between benchmarks as a cache. Disposing stops containerd
/// (SIGTERM, then kill) and unmounts whatever is still mounted below its directory.
/// </summary>
internal sealed class BenchContainerd : IAsyncDisposable
{
    private const int MaxSocketPath = 100;

    private readonly DaemonProcess _daemon;
    private readonly string _directory;

    private BenchContainerd(DaemonProcess daemon, string directory, string address)
    {
        _daemon = daemon;
        _directory = directory;
        Address = address;
    }

    /// <summary>The gRPC socket (pass as <c>ctr -a</c> and <c>--containerd-address</c>).</summary>
    public string Address { get; }

    /// <summary>The last lines containerd logged.</summary>
    public string RecentLog => _daemon.RecentOutput;

    /// <summary>Starts containerd under <paramref name="directory"/> and waits until its socket accepts connections.</summary>
    public static async Task<BenchContainerd> StartAsync(string directory, CancellationToken cancellationToken)
    {
        var containerd = Prerequisites.RequireExecutable("containerd", "apt-get install -y containerd");
        directory = Path.GetFullPath(directory);
        Directory.CreateDirectory(directory);
        await StaleDaemon.StopAsync(PidFile(directory), ConfigPath(directory));
        MountTable.UnmountAllBelow(directory);

        var address = SocketPath(directory);
        File.Delete(address);
        File.Delete(address + ".ttrpc");
        await File.WriteAllTextAsync(ConfigPath(directory), StandaloneContainerd.Config(directory, address), cancellationToken);
        // In its own session, so Ctrl+C in the terminal reaches the benchmark (which then stops containerd
        // last, after the agent) rather than containerd in the middle of an unpack. setsid execs in place:
        // the process id stays containerd's.
        var daemon = Prerequisites.FindOnPath("setsid") is { } setsid
            ? DaemonProcess.Start(setsid, [containerd, "--config", ConfigPath(directory)])
            : DaemonProcess.Start(containerd, ["--config", ConfigPath(directory)]);
        await File.WriteAllTextAsync(PidFile(directory), daemon.Id.ToString(CultureInfo.InvariantCulture), CancellationToken.None);
        var started = new BenchContainerd(daemon, directory, address);
        try
        {
            await Eventually.TrueAsync(started.AcceptsConnectionsAsync, TimeSpan.FromSeconds(30), "containerd to listen on " + address, cancellationToken);
            return started;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var log = daemon.RecentOutput;
            await started.DisposeAsync();
            throw new InvalidOperationException($"containerd did not start: {e.Message}\ncontainerd log:\n{log}", e);
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await _daemon.DisposeAsync();
        }
        finally
        {
            MountTable.UnmountAllBelow(_directory);
            File.Delete(PidFile(_directory));
            File.Delete(Address);
            File.Delete(Address + ".ttrpc");
        }
    }

    private static string ConfigPath(string directory) => Path.Combine(directory, "config.toml");

    private static string PidFile(string directory) => Path.Combine(directory, "containerd.pid");

    // A unix socket path must fit in 108 bytes; a deep work directory gets its socket in /run instead.
    private static string SocketPath(string directory)
    {
        var inside = Path.Combine(directory, "c.sock");
        return inside.Length < MaxSocketPath
            ? inside
            : Path.Combine("/run", $"unpackbench-bench-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(directory)))[..12]}.sock");
    }

    private Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken) =>
        StandaloneContainerd.AcceptsConnectionsAsync(_daemon, Address, cancellationToken);
}
