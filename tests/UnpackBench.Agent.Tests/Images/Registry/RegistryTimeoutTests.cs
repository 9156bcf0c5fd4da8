using System.Net;
using System.Net.Sockets;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Core.References;

namespace UnpackBench.Agent.Tests.Images.Registry;

/// <summary>
/// Hosts that never complete a connection or never answer, on 127.0.0.1: no registry is imitated, the
/// sockets just stay silent, as a dead or hung host does.
/// </summary>
public sealed class RegistryTimeoutTests
{
    private static readonly TimeSpan OneSecond = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_host_that_never_completes_the_connection_fails_after_the_connect_timeout()
    {
        // A listener that never accepts, with its one-connection backlog filled: further SYNs are dropped.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
        var fillers = Enumerable.Range(0, 4).Select(_ => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { Blocking = false }).ToList();
        fillers.ForEach(s => Assert.Throws<SocketException>(() => s.Connect(IPAddress.Loopback, port)));
        await using var source = Source(port, new RegistryTimeouts(OneSecond, Long, Long, Long));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        fillers.ForEach(s => s.Dispose());
        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.Equal($"cannot reach registry 127.0.0.1:{port}: no connection within 1 s", e.Message);
    }

    [Fact]
    public async Task A_host_that_accepts_but_never_answers_fails_after_the_document_timeout()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = listener.AcceptTcpClientAsync();
        await using var source = Source(port, new RegistryTimeouts(Long, OneSecond, Long, Long));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        (await accepted).Dispose();
        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.Equal($"registry 127.0.0.1:{port} did not deliver the manifest of 127.0.0.1:{port}/app:v1 within 1 s; check the network or try again later", e.Message);
    }

    private static RegistryImageSource Source(int port, RegistryTimeouts timeouts) =>
        new(ImageReference.Parse($"127.0.0.1:{port}/app:v1"), plainHttp: true, new RegistryCredentialStore((string?)null, _ => null, null, []), timeouts);
}
