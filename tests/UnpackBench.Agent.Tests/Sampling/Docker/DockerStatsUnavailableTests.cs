using System.Diagnostics;
using System.Net.Sockets;
using UnpackBench.Agent.Sampling.Docker;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>Why the Docker source cannot be used, when it cannot: each reason says what is wrong and what to change.</summary>
public sealed class DockerStatsUnavailableTests : IDisposable
{
    private static readonly string SomeContainer = new('a', 64);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly TempDirectory _directory = new("docker-socket");

    [Fact]
    public async Task Outside_a_docker_container_the_reason_says_so()
    {
        var reason = await ReasonAsync(new DockerEnvironment(null, null));

        Assert.Contains("not running in a Docker container", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_socket_is_named_with_how_to_mount_it()
    {
        var socket = _directory.Combine("docker.sock");

        var reason = await ReasonAsync(new DockerEnvironment("unix://" + socket, SomeContainer));

        Assert.Contains($"no Docker socket at {socket}", reason, StringComparison.Ordinal);
        Assert.Contains("-v /var/run/docker.sock:/var/run/docker.sock", reason, StringComparison.Ordinal);
        Assert.Contains("--stats-source cgroup", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_where_the_socket_should_be_is_explained()
    {
        var socket = _directory.CreateSubdirectory("docker.sock");

        var reason = await ReasonAsync(new DockerEnvironment("unix://" + socket, SomeContainer));

        Assert.Contains($"{socket} is a directory, not the Docker socket", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_plain_file_does_not_answer()
    {
        var socket = _directory.Combine("docker.sock");
        await File.WriteAllTextAsync(socket, "not a socket");

        var reason = await ReasonAsync(new DockerEnvironment("unix://" + socket, SomeContainer));

        Assert.Contains($"nothing answers on {socket}", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_that_hangs_up_does_not_answer_like_docker()
    {
        var socket = _directory.Combine("docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        listener.Listen();
        using var stop = new CancellationTokenSource();
        var hangingUp = HangUpOnEveryConnectionAsync(listener, stop.Token);

        var reason = await ReasonAsync(new DockerEnvironment("unix://" + socket, SomeContainer));
        await stop.CancelAsync();
        await hangingUp;

        Assert.Contains($"{socket} accepts connections but does not answer like a Docker daemon", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_socket_that_never_answers_is_given_up_on_after_a_short_timeout()
    {
        var socket = _directory.Combine("docker.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        listener.Listen(); // the kernel accepts connections into the backlog; nobody reads them

        var clock = Stopwatch.StartNew();
        var reason = await ReasonAsync(new DockerEnvironment("unix://" + socket, SomeContainer));

        Assert.Contains("does not answer like a Docker daemon (GET /version: no answer within", reason, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"gave up after {clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task An_unsupported_docker_host_is_refused_before_connecting()
    {
        var reason = await ReasonAsync(new DockerEnvironment("tcp://127.0.0.1:2375", SomeContainer));

        Assert.Contains("DOCKER_HOST uses tcp://", reason, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<string?> ReasonAsync(DockerEnvironment environment)
    {
        var (monitor, reason) = await DockerStatsMonitor.TryCreateAsync(environment, Interval, CancellationToken.None);
        Assert.Null(monitor);
        return reason;
    }

    private static async Task HangUpOnEveryConnectionAsync(Socket listener, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                using var connection = await listener.AcceptAsync(stop);
                connection.Close();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
