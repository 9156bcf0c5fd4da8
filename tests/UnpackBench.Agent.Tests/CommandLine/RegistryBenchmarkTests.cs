using System.Net;
using System.Net.Sockets;
using System.Text;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Registry;

namespace UnpackBench.Agent.Tests.CommandLine;

/// <summary>End to end through a real registry: plain HTTP, multi-platform, htpasswd credentials, and the ways a pull fails.</summary>
public sealed class RegistryBenchmarkTests : IAsyncLifetime
{
    private const string User = "bench";
    private const string Password = "s3cret-Passw0rd";
    private readonly TempDirectory _images = new("registry-images");
    private RegistryFixture? _open;
    private RegistryFixture? _guarded;
    private string _single = "";
    private string _multi = "";
    private string _private = "";

    public async Task InitializeAsync()
    {
        var layout = OciLayout.Create(_images.Combine("layout"));
        var amd64 = SampleImage.Build(layout);
        var arm64 = new ImageBuilder(Platform.LinuxArm64).WithLayer(new LayerBuilder().File("arch", "arm64\n").Build(layout)).Build(layout);
        var index = new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(layout);
        _open = await RegistryFixture.StartAsync();
        _guarded = await RegistryFixture.StartAsync(new RegistryCredentials(User, Password));
        _single = await _open.PushAsync(amd64, "unpackbench/sample", "v1");
        _multi = await _open.PushAsync(index, "unpackbench/multi", "v1");
        _private = await _guarded.PushAsync(amd64, "team/private", "v1");
    }

    [Fact]
    public async Task Pull_over_plain_http_benchmarks_the_image()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", _single, "--plain-http", "--runs", "2");

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.Equal("pull", result.BenchmarkConfig.Source);
        Assert.Equal(_single, result.Image.Reference);
        Assert.Equal(2, result.Summary.SuccessfulRuns);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Theory]
    [InlineData("linux/amd64", 3)]
    [InlineData("linux/arm64", 1)]
    public async Task Platform_picks_one_manifest_of_a_multi_platform_index(string platform, int layers)
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", _multi, "--plain-http", "--runs", "1", "--platform", platform);

        Assert.True(code == 0, agent.Transcript);
        var result = ResultDocument.ReadOnly(agent);
        Assert.StartsWith(platform, result.Image.Platform, StringComparison.Ordinal);
        Assert.Equal(layers, result.Image.Layers.Count);
        Assert.Equal("application/vnd.oci.image.index.v1+json", result.Image.MediaType);
        Assert.NotEqual(result.Image.Digest, result.Image.ManifestDigest);
    }

    [Fact]
    public async Task A_platform_the_index_lacks_fails_and_lists_the_ones_it_has()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", _multi, "--plain-http", "--platform", "linux/s390x");

        Assert.Equal(1, code);
        Assert.Contains("linux/amd64", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("linux/arm64", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_from_registry_config_open_a_guarded_registry_and_never_show_up()
    {
        using var agent = new AgentInvocation();
        var config = WriteDockerConfig(agent, User, Password);

        var code = await agent.RunAsync("--image", _private, "--plain-http", "--runs", "1", "--registry-config", config, "--json");

        Assert.True(code == 0, agent.Transcript);
        Assert.DoesNotContain(Password, agent.Transcript, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, File.ReadAllText(agent.ResultFiles()[0]), StringComparison.Ordinal);
        var log = Directory.GetFiles(agent.Root, "containerd.log", SearchOption.AllDirectories).Single();
        Assert.DoesNotContain(Password, File.ReadAllText(log), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credentials_from_DOCKER_CONFIG_are_used_when_no_file_is_given()
    {
        using var agent = new AgentInvocation();
        var config = WriteDockerConfig(agent, User, Password);
        agent.Environment["DOCKER_CONFIG"] = Path.GetDirectoryName(config);

        var code = await agent.RunAsync("--image", _private, "--plain-http", "--runs", "1");

        Assert.True(code == 0, agent.Transcript);
    }

    [Fact]
    public async Task Wrong_credentials_fail_saying_they_were_rejected()
    {
        using var agent = new AgentInvocation();
        var config = WriteDockerConfig(agent, User, "wrong-password");

        var code = await agent.RunAsync("--image", _private, "--plain-http", "--registry-config", config);

        Assert.Equal(1, code);
        Assert.Contains("rejected", agent.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("wrong-password", agent.Transcript, StringComparison.Ordinal);
        Assert.Empty(agent.ResultFiles());
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task Missing_credentials_fail_saying_where_they_were_looked_for()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", _private, "--plain-http");

        Assert.Equal(1, code);
        Assert.Contains(_guarded!.Host, agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("credentials", agent.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("tag")]
    [InlineData("repository")]
    public async Task An_image_that_does_not_exist_fails_naming_what_is_missing(string missing)
    {
        using var agent = new AgentInvocation();
        var reference = missing == "tag" ? $"{_open!.Host}/unpackbench/sample:v404" : $"{_open!.Host}/nobody/nothing:v1";

        var code = await agent.RunAsync("--image", reference, "--plain-http");

        Assert.Equal(1, code);
        Assert.Contains("not found", agent.StandardError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(missing == "tag" ? "v404" : "nobody/nothing", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_registry_fails_saying_it_cannot_be_reached()
    {
        using var agent = new AgentInvocation();
        var port = ClosedPort();

        var code = await agent.RunAsync("--image", $"127.0.0.1:{port}/any/image:v1", "--plain-http");

        Assert.Equal(1, code);
        Assert.Contains($"127.0.0.1:{port}", agent.StandardError, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", agent.StandardError, StringComparison.Ordinal);
        ContainerdProcesses.AssertNoneUnder(agent.Root);
    }

    [Fact]
    public async Task Https_to_a_plain_http_registry_suggests_plain_http()
    {
        using var agent = new AgentInvocation();

        var code = await agent.RunAsync("--image", _single);

        Assert.Equal(1, code);
        Assert.Contains("--plain-http", agent.StandardError, StringComparison.Ordinal);
    }

    private string WriteDockerConfig(AgentInvocation agent, string user, string password)
    {
        var directory = agent.Path("docker");
        Directory.CreateDirectory(directory);
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));
        var path = Path.Combine(directory, "config.json");
        var config = new Dictionary<string, object> { ["auths"] = new Dictionary<string, object> { [_guarded!.Host] = new Dictionary<string, string> { ["auth"] = auth } } };
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(config));
        return path;
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        if (_open is not null)
        {
            await _open.DisposeAsync();
        }

        if (_guarded is not null)
        {
            await _guarded.DisposeAsync();
        }

        _images.Dispose();
    }
}
