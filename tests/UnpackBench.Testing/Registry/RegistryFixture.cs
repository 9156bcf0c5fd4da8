using System.Net;
using System.Net.Sockets;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Processes;

namespace UnpackBench.Testing.Registry;

/// <summary>
/// A real CNCF distribution registry (<c>docker-registry serve</c>) on 127.0.0.1 and a free port, storing under a
/// fresh temp directory, optionally behind htpasswd basic auth. Disposing kills it and deletes its storage.
/// </summary>
public sealed class RegistryFixture : IAsyncDisposable
{
    private const string InstallRegistry = "apt-get install -y docker-registry";
    private const string InstallHtpasswd = "apt-get install -y apache2-utils";

    private readonly TempDirectory _directory;
    private readonly DaemonProcess _daemon;

    private RegistryFixture(TempDirectory directory, DaemonProcess daemon, int port, RegistryCredentials? credentials)
    {
        _directory = directory;
        _daemon = daemon;
        Port = port;
        Credentials = credentials;
    }

    /// <summary>The temp directory holding the config, htpasswd file and storage; deleted on dispose.</summary>
    public string TempPath => _directory.Path;

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>, the registry part of image references.</summary>
    public string Host => $"127.0.0.1:{Port}";

    /// <summary><c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri BaseAddress => new($"http://{Host}/");

    /// <summary>The credentials the registry requires, or null when it allows anonymous access.</summary>
    public RegistryCredentials? Credentials { get; }

    /// <summary>The registry's recent log output (it logs at warn level).</summary>
    public string RecentLog => _daemon.RecentOutput;

    /// <summary>Starts the registry (with basic auth when <paramref name="credentials"/> are given) and waits until <c>/v2/</c> answers.</summary>
    public static async Task<RegistryFixture> StartAsync(RegistryCredentials? credentials = null, CancellationToken cancellationToken = default)
    {
        var registry = Prerequisites.RequireExecutable("docker-registry", InstallRegistry);
        var htpasswd = credentials is null ? null : Prerequisites.RequireExecutable("htpasswd", InstallHtpasswd);
        var directory = new TempDirectory("registry");
        try
        {
            var htpasswdPath = htpasswd is null ? null : await WriteHtpasswdAsync(htpasswd, credentials!, directory, cancellationToken);
            for (var attempt = 1; ; attempt++)
            {
                // The free port is only reserved until the listener closes; another process may take it first.
                var port = FreePort();
                var config = directory.Combine("config.yml");
                await File.WriteAllTextAsync(config, ConfigYaml(directory.Combine("storage"), port, htpasswdPath), cancellationToken);
                var fixture = new RegistryFixture(directory, DaemonProcess.Start(registry, ["serve", config]), port, credentials);
                try
                {
                    await fixture.WaitUntilServingAsync(cancellationToken);
                    return fixture;
                }
                catch (Exception e)
                {
                    var log = fixture.RecentLog;
                    await fixture._daemon.DisposeAsync();
                    if (attempt < 3 && log.Contains("address already in use", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    throw new InvalidOperationException($"docker-registry did not start: {e.Message}\nregistry log:\n{log}", e);
                }
            }
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>An HTTP client for the registry, sending basic credentials when <paramref name="authenticate"/> and auth is on.</summary>
    public HttpClient CreateClient(bool authenticate = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (authenticate && Credentials is not null)
        {
            client.DefaultRequestHeaders.Authorization = Credentials.ToBasicAuthorization();
        }

        return client;
    }

    /// <summary>Pushes <paramref name="image"/> as <c>repository:tag</c> and returns the full reference <c>127.0.0.1:PORT/repository:tag</c>.</summary>
    public async Task<string> PushAsync(IBuiltImage image, string repository, string tag, CancellationToken cancellationToken = default)
    {
        using var client = CreateClient();
        await new RegistryPusher(client).PushAsync(image, repository, tag, cancellationToken);
        return $"{Host}/{repository}:{tag}";
    }

    public async ValueTask DisposeAsync()
    {
        await _daemon.DisposeAsync();
        _directory.Dispose();
    }

    // Debian's docker-registry reads distribution's version 0.1 config. No redis, notifications or storage health
    // checks are configured, so none run; access logs are off, the log level and a fixed upload secret keep start-up quiet.
    private static string ConfigYaml(string storage, int port, string? htpasswdPath)
    {
        var auth = htpasswdPath is null ? string.Empty : $"""

            auth:
              htpasswd:
                realm: unpackbench-test
                path: {htpasswdPath}
            """;
        return $"""
            version: 0.1
            log:
              level: warn
              accesslog:
                disabled: true
            storage:
              filesystem:
                rootdirectory: {storage}
              delete:
                enabled: true
              maintenance:
                uploadpurging:
                  enabled: false
            http:
              addr: 127.0.0.1:{port}
              secret: unpackbench-test-only
            """ + auth + "\n";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task<string> WriteHtpasswdAsync(string htpasswd, RegistryCredentials credentials, TempDirectory directory, CancellationToken cancellationToken)
    {
        var path = directory.Combine("htpasswd");
        var line = await CommandLine.RunAsync(htpasswd, ["-Bbn", credentials.User, credentials.Password], cancellationToken);
        await File.WriteAllTextAsync(path, line.Trim() + "\n", cancellationToken);
        return path;
    }

    private async Task WaitUntilServingAsync(CancellationToken cancellationToken)
    {
        using var client = CreateClient(authenticate: false);
        var ready = Credentials is null ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
        await Eventually.TrueAsync(
            async token =>
            {
                if (_daemon.HasExited)
                {
                    throw new InvalidOperationException("docker-registry exited during start-up.");
                }

                using var response = await client.GetAsync(new Uri("v2/", UriKind.Relative), token);
                return response.StatusCode == ready;
            },
            TimeSpan.FromSeconds(30),
            $"the registry on {Host} to answer GET /v2/ with {(int)ready}",
            cancellationToken);
    }
}
