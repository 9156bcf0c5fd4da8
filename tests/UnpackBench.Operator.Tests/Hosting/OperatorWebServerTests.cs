using System.Net;
using System.Net.Sockets;
using UnpackBench.Operator.Hosting;
using UnpackBench.Operator.Metrics;

namespace UnpackBench.Operator.Tests.Hosting;

/// <summary>/healthz, /readyz and /metrics as the kubelet and Prometheus request them: over HTTP, on the configured address.</summary>
public sealed class OperatorWebServerTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static OperatorOptions Options(int health, int metrics) =>
        new() { AgentImage = "unpackbench:test", BindAddress = "127.0.0.1", HealthPort = health, MetricsPort = metrics };

    [Fact]
    public async Task Health_and_readiness_follow_the_operators_state_over_http()
    {
        var health = new HealthState();
        var port = FreePort();
        await using var server = await OperatorWebServer.StartAsync(Options(port, 0), health, new OperatorMetrics().Registry, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await http.GetAsync(new Uri("/readyz", UriKind.Relative))).StatusCode);

        health.SetReady(true);
        Assert.Equal("ok", await http.GetStringAsync(new Uri("/readyz", UriKind.Relative)));

        health.Fail();
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync(new Uri("/healthz", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Metrics_are_served_in_the_prometheus_text_format_on_their_own_port()
    {
        var metrics = new OperatorMetrics();
        metrics.RunsObserved(3, 1);
        var (healthPort, metricsPort) = (FreePort(), FreePort());
        await using var server = await OperatorWebServer.StartAsync(Options(healthPort, metricsPort), new HealthState(), metrics.Registry, CancellationToken.None);
        using var http = new HttpClient();

        var response = await http.GetAsync(new Uri($"http://127.0.0.1:{metricsPort}/metrics"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("unpackbench_runs_total{outcome=\"success\"} 3", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri($"http://127.0.0.1:{healthPort}/metrics"))).StatusCode);
    }

    [Fact]
    public async Task The_ports_listen_only_on_the_configured_address()
    {
        var port = FreePort();
        await using var server = await OperatorWebServer.StartAsync(Options(port, 0), new HealthState(), new OperatorMetrics().Registry, CancellationToken.None);
        // 127.0.0.2 reaches this machine too (all of 127/8 is loopback), but not a socket bound to 127.0.0.1 alone.
        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Parse("127.0.0.2"), port));
    }
}
