using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Docker;

/// <summary>
/// A real dockerd (Debian's <c>docker.io</c>) owned by one test class: its own socket, data root, exec
/// root, pid file, config file, cgroup parent and containerd namespace under a fresh temp directory; no
/// bridge, no iptables, no forwarding, so it changes nothing on the host's network. It imports
/// <see cref="BusyboxImage"/> from a static busybox (no registry is needed). Disposing removes every
/// container, stops dockerd (SIGTERM, then a kill of its tree, including the containerd it spawned),
/// kills whatever it left running, unmounts and deletes everything.
/// </summary>
public sealed class DockerdFixture : IAsyncDisposable
{
    /// <summary>The image every container of the fixture runs: busybox with <c>sh</c> and <c>sleep</c>.</summary>
    public const string BusyboxImage = "unpackbench-busybox:latest";

    private readonly TempDirectory _directory;
    private readonly DaemonProcess _daemon;
    private readonly DockerdLeftovers _leftovers;

    private DockerdFixture(TempDirectory directory, DaemonProcess daemon, DockerdLeftovers leftovers)
    {
        _directory = directory;
        _daemon = daemon;
        _leftovers = leftovers;
        Api = new DockerEngineApi(SocketPath);
    }

    /// <summary>The daemon's API socket.</summary>
    public string SocketPath => _directory.Combine("d.sock");

    /// <summary>The socket as a <c>DOCKER_HOST</c> value.</summary>
    public string DockerHost => "unix://" + SocketPath;

    /// <summary>Calls to the daemon's API.</summary>
    public DockerEngineApi Api { get; }

    /// <summary>A scratch directory inside the fixture's temp directory, removed on dispose.</summary>
    public string CreateScratchDirectory(string name) => _directory.CreateSubdirectory(Path.Combine("scratch", name));

    /// <summary>The last lines dockerd logged (it logs at warn level).</summary>
    public string RecentLog => _daemon.RecentOutput;

    /// <summary>Starts dockerd, waits until it answers <c>/_ping</c>, and imports <see cref="BusyboxImage"/>.</summary>
    public static async Task<DockerdFixture> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new MissingPrerequisiteException("dockerd and its containers run on Linux only.");
        }

        Prerequisites.RequireRoot("Running a private dockerd");
        var dockerd = Prerequisites.RequireExecutable("dockerd", "apt-get install -y docker.io");
        var busybox = BusyboxRootfs.RequireStaticBusybox();
        var directory = new TempDirectory("dockerd");
        var name = Path.GetFileName(directory.Path);
        try
        {
            RequireUsableDirectory(directory.Path);
        }
        catch
        {
            directory.Dispose();
            throw;
        }

        var leftovers = new DockerdLeftovers(directory.Path, "/" + name);
        // dockerd 20.10 writes a trust key to /etc/docker/key.json unless its config file says otherwise.
        var config = $$"""{ "deprecated-key-path": "{{directory.Combine("key.json")}}" }""";
        await File.WriteAllTextAsync(directory.Combine("daemon.json"), config, cancellationToken);
        await File.WriteAllTextAsync(directory.Combine(BoundedRuntimeScript.RuntimeName), BoundedRuntimeScript.Text, cancellationToken);
        File.SetUnixFileMode(directory.Combine(BoundedRuntimeScript.RuntimeName), (UnixFileMode)0x1ED);
        var daemon = DaemonProcess.Start(dockerd, Arguments(directory, name));
        var fixture = new DockerdFixture(directory, daemon, leftovers);
        try
        {
            await Eventually.TrueAsync(fixture.AnswersOrExitedAsync, TimeSpan.FromSeconds(30), "dockerd to answer on " + fixture.SocketPath, cancellationToken);
            if (daemon.HasExited)
            {
                throw new InvalidOperationException("dockerd exited during start-up.");
            }

            await fixture.Api.ImportAsync(BusyboxRootfs.Build(busybox), "unpackbench-busybox", "latest", cancellationToken);
            return fixture;
        }
        catch (Exception e)
        {
            var log = daemon.RecentOutput;
            await fixture.DisposeAsync();
            throw new InvalidOperationException($"dockerd did not start: {e.Message}\ndockerd log:\n{log}", e);
        }
    }

    /// <summary>
    /// A Docker.DotNet client for this daemon, for what <see cref="Api"/> does not cover (containers with
    /// host configuration, waiting, logs, commits); dispose it after use.
    /// </summary>
    public global::Docker.DotNet.DockerClient CreateClient() =>
        new global::Docker.DotNet.DockerClientConfiguration(new Uri(DockerHost)).CreateClient();

    /// <summary>
    /// Loads the project's image (<see cref="ProjectImage"/>, built once per test run) and tags it
    /// <paramref name="tags"/> too; returns <see cref="ProjectImage.Tag"/>.
    /// </summary>
    public async Task<string> LoadProjectImageAsync(params string[] tags)
    {
        var archive = await ProjectImage.ArchiveAsync();
        await using (var stream = File.OpenRead(archive))
        {
            await Api.LoadAsync(stream, CancellationToken.None);
        }

        using var client = CreateClient();
        foreach (var tag in tags)
        {
            var colon = tag.LastIndexOf(':');
            await client.Images.TagImageAsync(ProjectImage.Tag, new global::Docker.DotNet.Models.ImageTagParameters { RepositoryName = tag[..colon], Tag = tag[(colon + 1)..] });
        }

        return ProjectImage.Tag;
    }

    /// <summary>Runs <paramref name="command"/> in a new <see cref="BusyboxImage"/> container with no network; returns its id.</summary>
    public Task<string> RunAsync(params string[] command) => Api.RunAsync(BusyboxImage, command, CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_daemon.HasExited)
            {
                // A busy loop as PID 1 ignores SIGTERM: dockerd would wait 10 s per container when stopping.
                foreach (var id in await Api.ListContainersAsync(CancellationToken.None))
                {
                    await Api.RemoveContainerAsync(id, CancellationToken.None);
                }
            }
        }
        finally
        {
            Api.Dispose();
            await _daemon.StopAsync(TimeSpan.FromSeconds(10));
            await _daemon.DisposeAsync();
            await _leftovers.RemoveAsync();
            MountTable.UnmountAllBelow(_directory.Path);
            _directory.Dispose();
        }
    }

    private static string[] Arguments(TempDirectory directory, string name) =>
    [
        "--host", "unix://" + directory.Combine("d.sock"),
        "--config-file", directory.Combine("daemon.json"),
        "--data-root", directory.Combine("data"),
        "--exec-root", directory.Combine("x"),
        "--pidfile", directory.Combine("dockerd.pid"),
        "--storage-driver", "overlay2",
        "--exec-opt", "native.cgroupdriver=cgroupfs",
        "--cgroup-parent", "/" + name,
        // Only used when dockerd finds a system containerd (/run/containerd/containerd.sock) and joins it.
        "--containerd-namespace", name,
        "--containerd-plugins-namespace", name + "-plugins",
        "--bridge=none", "--iptables=false", "--ip6tables=false", "--ip-forward=false", "--ip-masq=false",
        "--userland-proxy=false",
        "--log-level", "warn",
        "--add-runtime", $"{BoundedRuntimeScript.RuntimeName}={directory.Combine(BoundedRuntimeScript.RuntimeName)}",
        "--default-runtime", BoundedRuntimeScript.RuntimeName,
    ];

    // The socket path must fit a sockaddr_un, and overlay2 needs a real filesystem under the data root.
    private static void RequireUsableDirectory(string directory)
    {
        if (directory.Length + "/x/containerd/containerd.sock.ttrpc".Length >= 100)
        {
            throw new MissingPrerequisiteException($"the dockerd sockets under {directory} would be too long for a unix socket; point TMPDIR at a shorter directory.");
        }

        var fileSystem = DockerdLeftovers.FileSystemOf(directory);
        if (fileSystem is "overlay" or "tmpfs")
        {
            throw new MissingPrerequisiteException(
                $"{directory} is on {fileSystem}, and dockerd's overlay2 storage needs a real filesystem (ext4, xfs, …); point TMPDIR at a directory on one.");
        }
    }

    private async Task<bool> AnswersOrExitedAsync(CancellationToken cancellationToken) =>
        _daemon.HasExited || (File.Exists(SocketPath) && await Api.PingAsync(cancellationToken));
}
