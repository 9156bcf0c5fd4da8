using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>
/// Kestrel on 127.0.0.1: one running instance of the HTTP front end. Stopping it cuts every open
/// connection (watches and log follows included) at once, as an API server crash would, so the port
/// refuses connections until a new instance starts on it.
/// </summary>
internal sealed class KestrelHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<HttpContext, byte> _inFlight;

    private KestrelHost(WebApplication app, ConcurrentDictionary<HttpContext, byte> inFlight, int port)
    {
        _app = app;
        _inFlight = inFlight;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts listening on <paramref name="port"/> (0 for a free one), answering every request with <paramref name="handler"/>.</summary>
    public static async Task<KestrelHost> StartAsync(int port, RequestDelegate handler, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(IPAddress.Loopback, port);
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(2));
        var app = builder.Build();
        var inFlight = new ConcurrentDictionary<HttpContext, byte>();
        app.Run(async context =>
        {
            inFlight.TryAdd(context, 0);
            try
            {
                await handler(context);
            }
            finally
            {
                inFlight.TryRemove(context, out _);
            }
        });
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new KestrelHost(app, inFlight, new Uri(address).Port);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _inFlight.Keys)
        {
            try
            {
                context.Abort();
            }
            catch (ObjectDisposedException)
            {
                // The request finished while we were cutting connections.
            }
        }

        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
