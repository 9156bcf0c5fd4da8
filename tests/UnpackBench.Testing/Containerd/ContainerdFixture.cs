using CliWrap.Buffered;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Containerd;

/// <summary>
/// A private containerd for one test: its own root, state and socket under a fresh temp directory, CRI disabled.
/// <see cref="CtrAsync"/> runs <c>ctr</c> against it in <see cref="Namespace"/>. Disposing unmounts whatever is
/// still mounted below the directory, stops containerd (SIGTERM, then kill) and deletes everything.
/// </summary>
public sealed class ContainerdFixture : IAsyncDisposable
{
    private readonly TempDirectory _directory;
    private readonly DaemonProcess _daemon;

    private ContainerdFixture(TempDirectory directory, DaemonProcess daemon, string address)
    {
        _directory = directory;
        _daemon = daemon;
        Address = address;
    }

    /// <summary>The containerd namespace <see cref="CtrAsync"/> uses.</summary>
    public string Namespace { get; } = "test";

    /// <summary>The gRPC socket path (pass as <c>ctr -a</c>).</summary>
    public string Address { get; }

    /// <summary>The temp directory holding config, root, state, socket and scratch directories; deleted on dispose.</summary>
    public string TempPath => _directory.Path;

    /// <summary>containerd's persistent root (content store, snapshots, metadata).</summary>
    public string Root => _directory.Combine("root");

    /// <summary>A scratch directory inside the fixture's temp directory, removed on dispose.</summary>
    public string CreateScratchDirectory(string name) => _directory.CreateSubdirectory(Path.Combine("scratch", name));

    /// <summary>The last lines containerd logged (it logs at warn level).</summary>
    public string RecentLog => _daemon.RecentOutput;

    /// <summary>Starts containerd and waits until its socket accepts connections.</summary>
    public static async Task<ContainerdFixture> StartAsync(CancellationToken cancellationToken = default)
    {
        Prerequisites.RequireRoot("Running a private containerd");
        var containerd = Prerequisites.RequireExecutable("containerd", "apt-get install -y containerd");
        Prerequisites.RequireExecutable("ctr", "apt-get install -y containerd");
        var directory = new TempDirectory("containerd");
        var address = directory.Combine("c.sock");
        if (address.Length >= 100)
        {
            directory.Dispose();
            throw new MissingPrerequisiteException(
                $"the containerd socket path {address} is too long for a unix socket; point TMPDIR at a shorter directory.");
        }

        var config = directory.Combine("config.toml");
        await File.WriteAllTextAsync(config, StandaloneContainerd.Config(directory.Path, address), cancellationToken);
        var daemon = DaemonProcess.Start(containerd, ["--config", config]);
        var fixture = new ContainerdFixture(directory, daemon, address);
        try
        {
            await Eventually.TrueAsync(fixture.AcceptsConnectionsAsync, TimeSpan.FromSeconds(30), "containerd to listen on " + address, cancellationToken);
            return fixture;
        }
        catch (Exception e)
        {
            var log = daemon.RecentOutput;
            await fixture.DisposeAsync();
            throw new InvalidOperationException($"containerd did not start: {e.Message}\ncontainerd log:\n{log}", e);
        }
    }

    /// <summary>Runs <c>ctr -a &lt;socket&gt; -n &lt;namespace&gt; args…</c> and returns stdout; throws with stderr on failure.</summary>
    public async Task<string> CtrAsync(params string[] arguments)
    {
        var result = await TryCtrAsync(arguments);
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"`ctr {string.Join(' ', arguments)}` exited with {result.ExitCode}: {result.StandardError.Trim()}\ncontainerd log:\n{RecentLog}");
    }

    /// <summary>Like <see cref="CtrAsync"/> but returns the result whatever the exit code.</summary>
    public Task<BufferedCommandResult> TryCtrAsync(params string[] arguments) =>
        CommandLine.TryRunAsync("ctr", ["-a", Address, "-n", Namespace, .. arguments]);

    /// <summary>
    /// Mounts the unpacked image <paramref name="reference"/> read-only (<c>ctr images mount</c>) and returns the
    /// mount; dispose it to unmount and remove its snapshot.
    /// </summary>
    public async Task<MountedImage> MountImageAsync(string reference)
    {
        var target = CreateScratchDirectory("mount-" + Guid.NewGuid().ToString("N")[..8]);
        await CtrAsync("images", "mount", reference, target);
        return new MountedImage(this, target);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Mounts a test left behind (ctr images mount) first, then containerd's own temporary mounts.
            MountTable.UnmountAllBelow(_directory.Path);
        }
        finally
        {
            await _daemon.DisposeAsync();
        }

        MountTable.UnmountAllBelow(_directory.Path);
        _directory.Dispose();
    }

    private Task<bool> AcceptsConnectionsAsync(CancellationToken cancellationToken) =>
        StandaloneContainerd.AcceptsConnectionsAsync(_daemon, Address, cancellationToken);
}
