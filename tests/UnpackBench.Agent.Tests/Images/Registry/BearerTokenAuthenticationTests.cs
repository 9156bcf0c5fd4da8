using System.Text;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Core.References;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using CorePlatform = UnpackBench.Core.Images.Platform;

namespace UnpackBench.Agent.Tests.Images.Registry;

/// <summary>
/// Token authentication against <see cref="FakeTokenRegistry"/>: the Debian registry only does htpasswd
/// Basic auth, so the Bearer flow is exercised against a faithful in-process fake.
/// </summary>
public sealed class BearerTokenAuthenticationTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("bearer");
    private BuiltImage _image = null!;

    public Task InitializeAsync()
    {
        var layout = OciLayout.Create(_directory.CreateSubdirectory("layout"));
        _image = SampleImage.Build(layout);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Bearer_challenge_is_answered_with_a_token_for_the_pull_scope()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { RequiredUser = ("alice", "s3cret") });
        await using var source = Source(registry, ("alice", "s3cret"));

        var (descriptor, _) = await source.ResolveAsync(CancellationToken.None);

        Assert.Equal(_image.ManifestDigest, descriptor.Digest.ToString());
        var requests = registry.Requests.ToList();
        Assert.Equal(["/v2/app/manifests/v1", "/token", "/v2/app/manifests/v1"], requests.Select(r => r.Path));
        Assert.Null(requests[0].Authorization);
        Assert.Contains("service=fake-registry", requests[1].Query, StringComparison.Ordinal);
        Assert.Contains("scope=repository%3Aapp%3Apull", requests[1].Query, StringComparison.Ordinal);
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("alice:s3cret")), requests[1].Authorization);
        Assert.Equal("Bearer token-1", requests[2].Authorization);
    }

    [Fact]
    public async Task One_token_serves_the_whole_pull_and_never_reaches_the_storage_host()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { RequiredUser = ("alice", "s3cret") });
        await using var source = Source(registry, ("alice", "s3cret"));

        var content = await SourceContent.ReadAsync(source, CorePlatform.Parse("linux/amd64"));

        Assert.Equal(_image.Layers.Select(l => l.Digest), content.LayerDescriptors.Select(l => l.Digest.ToString()));
        var requests = registry.Requests.ToList();
        Assert.Single(requests, r => r.Path == "/token");
        Assert.All(requests.Where(r => r.Host == "localhost"), r => Assert.Null(r.Authorization));
        Assert.Equal(_image.Layers.Count + 1, requests.Count(r => r.Host == "localhost"));
        Assert.All(requests.Where(r => r.Host == "127.0.0.1" && r.Path.StartsWith("/v2/app/blobs/", StringComparison.Ordinal)), r => Assert.Equal("Bearer token-1", r.Authorization));
    }

    [Fact]
    public async Task A_public_repository_gets_an_anonymous_token()
    {
        await using var registry = Start(new FakeTokenRegistry("app"));
        await using var source = Source(registry, credentials: null);

        await source.ResolveAsync(CancellationToken.None);

        var tokenRequest = Assert.Single(registry.Requests, r => r.Path == "/token");
        Assert.Null(tokenRequest.Authorization);
    }

    [Fact]
    public async Task A_token_named_access_token_is_accepted()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { AnswerWithAccessToken = true });
        await using var source = Source(registry, credentials: null);

        var (descriptor, _) = await source.ResolveAsync(CancellationToken.None);

        Assert.Equal(_image.ManifestDigest, descriptor.Digest.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_replaced_once_and_the_request_retried()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { TokenUses = 1 });
        await using var source = Source(registry, credentials: null);

        await source.ResolveAsync(CancellationToken.None);
        var (descriptor, _) = await source.ResolveAsync(CancellationToken.None);

        Assert.Equal(_image.ManifestDigest, descriptor.Digest.ToString());
        Assert.Equal(2, registry.Requests.Count(r => r.Path == "/token"));
    }

    [Fact]
    public async Task Credentials_the_token_service_rejects_are_reported_as_rejected_without_revealing_them()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { RequiredUser = ("alice", "s3cret") });
        await using var source = Source(registry, ("alice", "wrong-password"));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.Contains($"registry {registry.Host} rejected the credentials", e.Message, StringComparison.Ordinal);
        Assert.Contains("--registry-config", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-password", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_service_that_wants_credentials_when_there_are_none_says_none_were_found()
    {
        await using var registry = Start(new FakeTokenRegistry("app") { RequiredUser = ("alice", "s3cret") });
        await using var source = Source(registry, credentials: null);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.Contains($"registry {registry.Host} requires authentication", e.Message, StringComparison.Ordinal);
        Assert.Contains("no credentials were found", e.Message, StringComparison.Ordinal);
    }

    private FakeTokenRegistry Start(FakeTokenRegistry registry)
    {
        registry.AddImage(_image, "v1");
        registry.Start();
        return registry;
    }

    private RegistryImageSource Source(FakeTokenRegistry registry, (string User, string Password)? credentials)
    {
        var config = _directory.Combine($"config-{Guid.NewGuid():N}.json");
        var auths = credentials is { } c ? RegistryCredentialStoreTests.Config((registry.Host, RegistryCredentialStoreTests.Entry(c.User, c.Password))) : "{}";
        File.WriteAllText(config, auths);
        var store = new RegistryCredentialStore(config, _ => null, null, []);
        return new RegistryImageSource(ImageReference.Parse($"{registry.Host}/app:v1"), plainHttp: true, store);
    }
}
