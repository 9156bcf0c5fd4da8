using System.Text.Json.Nodes;
using CliWrap;
using CliWrap.Buffered;
using UnpackBench.Packaging.Tests.Infrastructure;
using UnpackBench.Testing;

namespace UnpackBench.Packaging.Tests.Container.Support;

/// <summary>
/// The repository's docker-compose.yml and .env, copied unchanged into a project directory of their
/// own, run with Debian's docker-compose against the <see cref="ProjectImageHost"/>'s dockerd. One
/// test-only override file: the service uses the host's network, since the test dockerd creates no
/// bridge (it must not change the machine's network) and the registry listens on 127.0.0.1.
/// <c>DOCKER_SOCKET</c> points the docker stats source at the test dockerd. Disposing runs
/// <c>docker-compose down -v</c>, which removes the project's content-cache volume.
/// </summary>
internal sealed class ComposeProject : IAsyncDisposable
{
    private const string Override = "test-network.yml";
    private readonly Dictionary<string, string?> _environment;

    public ComposeProject(ProjectImageHost host, string name, IReadOnlyDictionary<string, string>? environment = null)
    {
        Directory = host.CreateDirectory(name);
        File.Copy(Repository.PathOf("docker-compose.yml"), Path.Combine(Directory, "docker-compose.yml"));
        File.Copy(Repository.PathOf(".env"), Path.Combine(Directory, ".env"));
        File.WriteAllText(Path.Combine(Directory, Override), "services:\n  agent:\n    network_mode: host\n");
        _environment = new Dictionary<string, string?>
        {
            ["DOCKER_HOST"] = host.Docker.DockerHost,
            ["DOCKER_SOCKET"] = host.Docker.SocketPath,
            ["COMPOSE_PROJECT_NAME"] = name,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            _environment[key] = value;
        }
    }

    /// <summary>The project directory (its ./results is where the agent's documents land).</summary>
    public string Directory { get; }

    /// <summary><c>docker-compose run --rm -T [RUN OPTIONS] agent [AGENT OPTIONS]</c>: exit code and output.</summary>
    public Task<(int ExitCode, string Output)> RunAsync(IReadOnlyList<string> runOptions, IReadOnlyList<string> agentOptions) =>
        ComposeAsync(["run", "--rm", "-T", .. runOptions, "agent", .. agentOptions]);

    /// <summary>The result documents in ./results, oldest first.</summary>
    public IReadOnlyList<JsonObject> Results()
    {
        var results = Path.Combine(Directory, "results");
        return !System.IO.Directory.Exists(results)
            ? []
            : System.IO.Directory.GetFiles(results, "benchmark_*.json").Order(StringComparer.Ordinal)
                .Select(f => JsonNode.Parse(File.ReadAllText(f))!.AsObject()).ToList();
    }

    public async ValueTask DisposeAsync() => await ComposeAsync(["down", "-v"]);

    private async Task<(int ExitCode, string Output)> ComposeAsync(IEnumerable<string> arguments)
    {
        var compose = Prerequisites.RequireExecutable("docker-compose", "apt-get install -y docker-compose");
        var result = await Cli.Wrap(compose)
            .WithWorkingDirectory(Directory)
            .WithArguments(["-f", "docker-compose.yml", "-f", Override, .. arguments])
            .WithEnvironmentVariables(_environment)
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync();
        return (result.ExitCode, result.StandardOutput + result.StandardError);
    }
}
