using UnpackBench.Agent.Tests.Support;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Images;

/// <summary>The acquirer against a real containerd: what it fetches, and what the content cache saves.</summary>
public sealed class ImageAcquirerTests(ContainerdTestHost host) : IClassFixture<ContainerdTestHost>
{
    [Fact]
    public async Task Downloaded_bytes_count_every_layer_blob_once_and_nothing_when_the_content_store_has_them()
    {
        var built = SampleImage.Build(OciLayout.Create(host.Path("layout-downloaded")));

        var first = await host.AcquireAsync(built, "downloaded-first");
        var second = await host.AcquireAsync(built, "downloaded-second");

        Assert.Equal(built.Layers.Sum(l => l.Size), first.DownloadedBytes);
        Assert.True(first.DownloadedBytes > 0);
        Assert.Equal(0, second.DownloadedBytes);
    }
}
