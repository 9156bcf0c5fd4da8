using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace UnpackBench.Operator.Hosting;

/// <summary>The operator's HTTP endpoints: /healthz and /readyz on one port, /metrics on another, both on the configured address.</summary>
public static class OperatorWebServer
{
    /// <summary>Starts the endpoints; disposing the returned app stops them.</summary>
    public static async Task<WebApplication?> StartAsync(OperatorOptions options, HealthState health, CollectorRegistry registry, CancellationToken cancellationToken)
    {
        if (options.HealthPort == 0 && options.MetricsPort == 0)
        {
            return null;
        }

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // IPv6 addresses go in brackets in a URL.
        var host = System.Net.IPAddress.Parse(options.BindAddress).AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{options.BindAddress}]" : options.BindAddress;
        var urls = new List<string>();
        if (options.HealthPort != 0)
        {
            urls.Add($"http://{host}:{options.HealthPort}");
        }

        if (options.MetricsPort != 0)
        {
            urls.Add($"http://{host}:{options.MetricsPort}");
        }

        builder.WebHost.UseUrls([.. urls]);
        var app = builder.Build();
        if (options.HealthPort != 0)
        {
            app.MapGet("/healthz", () => health.Alive ? Results.Text("ok") : Results.StatusCode(500)).RequireHost($"*:{options.HealthPort}");
            app.MapGet("/readyz", () => health.Ready ? Results.Text("ok") : Results.StatusCode(503)).RequireHost($"*:{options.HealthPort}");
        }

        if (options.MetricsPort != 0)
        {
            app.MapGet("/metrics", async (HttpContext context) =>
            {
                context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
                await registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
            }).RequireHost($"*:{options.MetricsPort}");
        }

        await app.StartAsync(cancellationToken);
        return app;
    }
}
