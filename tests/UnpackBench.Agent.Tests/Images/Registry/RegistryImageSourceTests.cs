using System.Net;
using System.Net.Sockets;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Core.Images;
using UnpackBench.Core.References;
using UnpackBench.Testing;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Registry;
using CoreMediaTypes = UnpackBench.Core.Images.MediaTypes;
using CorePlatform = UnpackBench.Core.Images.Platform;
using HtpasswdUser = UnpackBench.Testing.Registry.RegistryCredentials;
using TestPlatform = UnpackBench.Testing.Images.Platform;

namespace UnpackBench.Agent.Tests.Images.Registry;

/// <summary>Pulls from a real docker-registry on 127.0.0.1, one registry per test.</summary>
public sealed class RegistryImageSourceTests : IDisposable
{
    private static readonly CorePlatform Amd64 = CorePlatform.Parse("linux/amd64");
    private readonly TempDirectory _directory = new("registry-source");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Pulls_an_image_by_tag_from_a_plain_http_registry()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var image = SampleImage.Build(Layout());
        var reference = await registry.PushAsync(image, "app", "v1");
        await using var source = Source(reference);

        var content = await SourceContent.ReadAsync(source, Amd64);

        Assert.Equal(image.ManifestDigest, content.Root.Digest.ToString());
        Assert.Equal(CoreMediaTypes.OciManifest, content.Root.MediaType);
        Assert.Equal(image.Blobs.ReadAllBytes(image.ManifestDigest), content.RootBytes);
        Assert.Equal(image.DiffIds, content.Config.DiffIds.Select(d => d.ToString()));
        AssertLayersAre(image, content);
        Assert.Equal("pull", source.Kind);
        Assert.Equal($"{registry.Host}/app:v1", source.DisplayName);
    }

    [Fact]
    public async Task Pulls_an_image_by_digest()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var image = SampleImage.Build(Layout(), ImageFormat.Docker);
        await registry.PushAsync(image, "app", "v1");
        await using var source = Source($"{registry.Host}/app@{image.ManifestDigest}");

        var content = await SourceContent.ReadAsync(source, Amd64);

        Assert.Equal(image.ManifestDigest, content.Root.Digest.ToString());
        Assert.Equal(CoreMediaTypes.DockerManifest, content.Root.MediaType);
        AssertLayersAre(image, content);
    }

    [Fact]
    public async Task Pulls_the_requested_platform_of_a_multi_platform_index()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var layout = Layout();
        var amd64 = SampleImage.Build(layout, platform: TestPlatform.LinuxAmd64);
        var arm64 = new ImageBuilder(TestPlatform.LinuxArm64)
            .WithLayer(new LayerBuilder().File("arm64-only", "hello from arm64\n").Build(layout))
            .Build(layout);
        var index = new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(layout);
        var reference = await registry.PushAsync(index, "multi", "latest");
        await using var source = Source(reference);

        var content = await SourceContent.ReadAsync(source, CorePlatform.Parse("linux/arm64"));

        Assert.Equal(CoreMediaTypes.OciIndex, content.Root.MediaType);
        Assert.Equal(index.Descriptor.Digest, content.Root.Digest.ToString());
        Assert.Equal(arm64.ManifestDigest, content.Manifest.Digest.ToString());
        Assert.Equal("arm64", content.Config.Platform.Architecture);
        AssertLayersAre(arm64, content);
    }

    [Fact]
    public async Task The_right_credentials_open_a_registry_with_htpasswd_auth()
    {
        await using var registry = await RegistryFixture.StartAsync(new HtpasswdUser("alice", "s3cret"));
        var image = SampleImage.Build(Layout());
        var reference = await registry.PushAsync(image, "private/app", "v1");
        await using var source = Source(reference, ConfigFile(registry.Host, "alice", "s3cret"));

        var content = await SourceContent.ReadAsync(source, Amd64);

        AssertLayersAre(image, content);
    }

    [Fact]
    public async Task Wrong_credentials_are_reported_as_rejected_by_the_registry()
    {
        await using var registry = await RegistryFixture.StartAsync(new HtpasswdUser("alice", "s3cret"));
        var reference = await registry.PushAsync(SampleImage.Build(Layout()), "app", "v1");
        await using var source = Source(reference, ConfigFile(registry.Host, "alice", "not-the-password"));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.StartsWith($"registry {registry.Host} rejected the credentials for it from ", e.Message, StringComparison.Ordinal);
        Assert.Contains($"docker login {registry.Host}", e.Message, StringComparison.Ordinal);
        Assert.Contains("--registry-config", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_credentials_for_an_authenticating_registry_says_none_were_found_and_where_they_were_looked_for()
    {
        await using var registry = await RegistryFixture.StartAsync(new HtpasswdUser("alice", "s3cret"));
        var reference = await registry.PushAsync(SampleImage.Build(Layout()), "app", "v1");
        var config = ConfigFile("127.0.0.1:1", "bob", "pw");
        await using var source = Source(reference, config);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.StartsWith($"registry {registry.Host} requires authentication, and no credentials were found for it (looked in {config})", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_port_nobody_listens_on_is_unreachable_with_connection_refused()
    {
        var port = UnusedPort();
        await using var source = Source($"127.0.0.1:{port}/app:v1");

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.Equal($"cannot reach registry 127.0.0.1:{port}: connection refused", e.Message);
    }

    [Fact]
    public async Task An_unknown_tag_is_not_found_and_the_tags_that_exist_are_named()
    {
        await using var registry = await RegistryFixture.StartAsync();
        await registry.PushAsync(SampleImage.Build(Layout()), "app", "v1");
        await using var source = Source($"{registry.Host}/app:v9");

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.NotFound, e.Failure);
        Assert.Equal($"image {registry.Host}/app:v9 not found: the registry has no tag v9 in repository app; it has: v1", e.Message);
    }

    [Fact]
    public async Task An_unknown_repository_is_not_found_with_its_own_message()
    {
        await using var registry = await RegistryFixture.StartAsync();
        await registry.PushAsync(SampleImage.Build(Layout()), "app", "v1");
        await using var source = Source($"{registry.Host}/nope:v1");

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.NotFound, e.Failure);
        Assert.Equal($"image {registry.Host}/nope:v1 not found: the registry has no repository nope", e.Message);
    }

    [Fact]
    public async Task Https_to_a_plain_http_registry_is_unreachable_with_a_hint_to_use_plain_http()
    {
        await using var registry = await RegistryFixture.StartAsync();
        await using var source = Source($"{registry.Host}/app:v1", plainHttp: false);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ResolveAsync(CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unreachable, e.Failure);
        Assert.StartsWith($"cannot reach registry {registry.Host}: the TLS handshake failed", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("if the registry serves plain HTTP, pass --plain-http", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_blob_the_registry_does_not_have_is_not_found()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var reference = await registry.PushAsync(SampleImage.Build(Layout()), "app", "v1");
        await using var source = Source(reference);
        var missing = new ContentDescriptor(CoreMediaTypes.OciLayerGzip, Digest.Sha256Of("not pushed"), 10);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.OpenBlobAsync(missing, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.NotFound, e.Failure);
        Assert.StartsWith($"blob {missing.Digest} in repository app not found in registry {registry.Host}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_that_differs_from_its_descriptor_is_rejected()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var image = SampleImage.Build(Layout());
        var reference = await registry.PushAsync(image, "app", "v1");
        await using var source = Source(reference);
        var config = new ContentDescriptor(CoreMediaTypes.OciConfig, Digest.Parse(image.ConfigDigest), image.Config.Size + 5);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => source.ReadDocumentAsync(config, 1024 * 1024, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Invalid, e.Failure);
        Assert.Contains($"is {image.Config.Size} bytes, but its descriptor says {image.Config.Size + 5}", e.Message, StringComparison.Ordinal);
    }

    private static void AssertLayersAre(BuiltImage image, SourceContent content)
    {
        Assert.Equal(image.Layers.Count, content.Layers.Count);
        for (var i = 0; i < image.Layers.Count; i++)
        {
            Assert.Equal(image.Layers[i].Digest, content.LayerDescriptors[i].Digest.ToString());
            Assert.Equal(File.ReadAllBytes(image.Layers[i].BlobPath), content.Layers[i]);
        }
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private OciLayout Layout() => OciLayout.Create(_directory.CreateSubdirectory($"layout-{Guid.NewGuid():N}"));

    private string ConfigFile(string host, string user, string password)
    {
        var path = _directory.Combine($"config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, RegistryCredentialStoreTests.Config((host, RegistryCredentialStoreTests.Entry(user, password))));
        return path;
    }

    private RegistryImageSource Source(string reference, string? configFile = null, bool plainHttp = true)
    {
        var store = new RegistryCredentialStore(configFile ?? ConfigFile("127.0.0.1:2", "x", "y"), _ => null, null, []);
        return new RegistryImageSource(ImageReference.Parse(reference), plainHttp, store);
    }
}
