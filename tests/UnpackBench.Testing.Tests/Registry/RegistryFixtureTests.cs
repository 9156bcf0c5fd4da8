using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using UnpackBench.Testing.Containerd;
using UnpackBench.Testing.FileTrees;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Registry;

namespace UnpackBench.Testing.Tests.Registry;

public sealed class RegistryFixtureTests : IDisposable
{
    private static readonly RegistryCredentials Credentials = new("bench", "not-a-secret");

    private readonly TempDirectory _temp = new("registry-tests");
    private readonly OciLayout _layout;

    public RegistryFixtureTests() => _layout = OciLayout.Create(_temp.Combine("layout"));

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Pushed_manifest_and_blobs_are_served_back_with_matching_digests()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var image = SampleImage.Build(_layout);

        var reference = await registry.PushAsync(image, "unpackbench/sample", "v1");

        Assert.Equal($"{registry.Host}/unpackbench/sample:v1", reference);
        using var client = registry.CreateClient();
        var manifest = await GetAsync(client, "v2/unpackbench/sample/manifests/v1", MediaTypes.OciManifest);
        Assert.Equal(image.ManifestDigest, ContentDigest.Of(manifest.Bytes));
        Assert.Equal(MediaTypes.OciManifest, manifest.ContentType);
        foreach (var blob in image.BlobDescriptors)
        {
            var served = await GetAsync(client, $"v2/unpackbench/sample/blobs/{blob.Digest}");
            Assert.Equal(blob.Digest, ContentDigest.Of(served.Bytes));
        }
    }

    [Fact]
    public async Task Pushing_again_skips_blobs_the_registry_has()
    {
        await using var registry = await RegistryFixture.StartAsync();
        var image = SampleImage.Build(_layout);
        await registry.PushAsync(image, "unpackbench/sample", "v1");

        await registry.PushAsync(image, "unpackbench/sample", "v2");

        using var client = registry.CreateClient();
        var tags = JsonNode.Parse((await GetAsync(client, "v2/unpackbench/sample/tags/list")).Bytes)!;
        Assert.Equal(["v1", "v2"], tags["tags"]!.AsArray().Select(tag => (string?)tag).Order());
    }

    [Fact]
    public async Task Registry_with_auth_refuses_anonymous_requests_and_accepts_the_credentials()
    {
        await using var registry = await RegistryFixture.StartAsync(Credentials);

        using var anonymous = registry.CreateClient(authenticate: false);
        using var authenticated = registry.CreateClient();
        using var refused = await anonymous.GetAsync(new Uri("v2/", UriKind.Relative));
        using var accepted = await authenticated.GetAsync(new Uri("v2/", UriKind.Relative));
        using var wrongPassword = new HttpClient { BaseAddress = registry.BaseAddress };
        wrongPassword.DefaultRequestHeaders.Authorization = new RegistryCredentials(Credentials.User, "wrong").ToBasicAuthorization();
        using var refusedAgain = await wrongPassword.GetAsync(new Uri("v2/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains(refused.Headers.WwwAuthenticate, header => header.Scheme == "Basic");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, refusedAgain.StatusCode);
        await Assert.ThrowsAsync<HttpRequestException>(() => new RegistryPusher(anonymous).PushAsync(SampleImage.Build(_layout), "unpackbench/sample", "v1"));
    }

    [Theory]
    [InlineData(ImageFormat.Oci)]
    [InlineData(ImageFormat.Docker)]
    public async Task Multi_platform_index_is_pushed_and_served_with_each_platform_manifest(ImageFormat format)
    {
        await using var registry = await RegistryFixture.StartAsync(Credentials);
        var amd64 = SampleImage.Build(_layout, format);
        var arm64 = new ImageBuilder(Platform.LinuxArm64).WithLayer(new LayerBuilder().File("arm", "64").Build(_layout)).Build(_layout, format);
        var index = new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(_layout, format);

        await registry.PushAsync(index, "unpackbench/multi", "v1");

        using var client = registry.CreateClient();
        var served = await GetAsync(client, "v2/unpackbench/multi/manifests/v1", MediaTypes.Index(format));
        Assert.Equal(index.Descriptor.Digest, ContentDigest.Of(served.Bytes));
        Assert.Equal(MediaTypes.Index(format), served.ContentType);
        var platforms = JsonNode.Parse(served.Bytes)!["manifests"]!.AsArray()
            .Select(entry => ((string?)entry!["platform"]!["architecture"], (string?)entry["digest"]));
        Assert.Equal([("amd64", amd64.ManifestDigest), ("arm64", arm64.ManifestDigest)], platforms);
        var child = await GetAsync(client, $"v2/unpackbench/multi/manifests/{arm64.ManifestDigest}", MediaTypes.Manifest(format));
        Assert.Equal(arm64.ManifestDigest, ContentDigest.Of(child.Bytes));
    }

    [Theory]
    [InlineData(ImageFormat.Oci)]
    [InlineData(ImageFormat.Docker)]
    public async Task Containerd_pulls_the_pushed_index_with_credentials_and_unpacks_the_expected_tree(ImageFormat format)
    {
        await using var registry = await RegistryFixture.StartAsync(Credentials);
        await using var containerd = await ContainerdFixture.StartAsync();
        var amd64 = SampleImage.Build(_layout, format);
        var arm64 = new ImageBuilder(Platform.LinuxArm64).WithLayer(new LayerBuilder().File("arm", "64").Build(_layout)).Build(_layout, format);
        var reference = await registry.PushAsync(new ImageIndexBuilder().WithImage(amd64).WithImage(arm64).Build(_layout, format), "unpackbench/pull", "v1");

        await containerd.CtrAsync("images", "pull", "--plain-http", "--platform", "linux/amd64", "--user", Credentials.ToString(), reference);

        await using var rootfs = await containerd.MountImageAsync(reference);
        FileTreeAssert.Equal(amd64.ExpectedTree, FileTreeReader.Read(rootfs.Path));
    }

    [Fact]
    public async Task Disposed_registry_stops_serving_and_leaves_no_storage()
    {
        var registry = await RegistryFixture.StartAsync(Credentials);
        Assert.True(File.Exists(Path.Combine(registry.TempPath, "htpasswd")));

        await registry.DisposeAsync();

        using var client = new HttpClient { BaseAddress = registry.BaseAddress };
        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(new Uri("v2/", UriKind.Relative)));
        Assert.False(Directory.Exists(registry.TempPath));
    }

    private static async Task<(byte[] Bytes, string? ContentType)> GetAsync(HttpClient client, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accept is not null)
        {
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        }

        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadAsByteArrayAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
