using UnpackBench.Agent.Sampling.Docker;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

public sealed class DockerEndpointTests
{
    public static TheoryData<string, string?, string> Usable => new()
    {
        { "unset: the default socket", null, "/var/run/docker.sock" },
        { "empty: the default socket", "", "/var/run/docker.sock" },
        { "a unix socket elsewhere", "unix:///run/user/1000/docker.sock", "/run/user/1000/docker.sock" },
        { "the scheme in capitals", "UNIX:///var/run/docker.sock", "/var/run/docker.sock" },
    };

    public static TheoryData<string, string, string> Unusable => new()
    {
        { "tcp", "tcp://127.0.0.1:2375", "DOCKER_HOST uses tcp://, which the docker stats source does not support" },
        { "ssh", "ssh://builder@localhost", "DOCKER_HOST uses ssh://, which" },
        { "no scheme", "/var/run/docker.sock", "DOCKER_HOST uses an address without a scheme" },
        { "a relative unix path", "unix://docker.sock", "must name an absolute socket path" },
    };

    [Theory]
    [MemberData(nameof(Usable))]
    public void Resolves_the_socket(string situation, string? dockerHost, string expected)
    {
        var (endpoint, reason) = DockerEndpoint.Resolve(dockerHost);

        Assert.True(reason is null, $"{situation}: {reason}");
        Assert.Equal(expected, endpoint!.SocketPath);
    }

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Refuses_what_it_cannot_reach_with_a_reason(string situation, string dockerHost, string expected)
    {
        var (endpoint, reason) = DockerEndpoint.Resolve(dockerHost);

        Assert.True(endpoint is null, situation);
        Assert.Contains(expected, reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reason_never_repeats_the_address_beyond_its_scheme()
    {
        var (_, reason) = DockerEndpoint.Resolve("ssh://deploy@localhost:2222");

        Assert.DoesNotContain("deploy", reason, StringComparison.Ordinal);
    }
}
