using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Tests.Containerd;

public sealed class ContentStoreTests
{
    [Fact]
    public async Task Written_blob_reads_back_identically()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ubt-" + Guid.NewGuid().ToString("N")[..8]);
        await using var containerd = await PrivateContainerd.StartAsync(ContainerdBinaries.Require(), new PrivateContainerdLayout(dir), new Dictionary<string, string?>(), null, CancellationToken.None);
        var data = new byte[3 * 1024 * 1024 + 17];
        Random.Shared.NextBytes(data);
        var descriptor = new ContentDescriptor("application/octet-stream", Digest.Sha256Of(data), data.Length);
        var store = new ContentStore(containerd.Connection);
        await containerd.Connection.Leases.CreateAsync(new() { Id = "l" }, containerd.Connection.Call(default));
        await store.WriteAsync(descriptor, data, new Dictionary<string, string>(), "l", CancellationToken.None);
        Assert.Equal(data, await store.ReadAllAsync(descriptor, CancellationToken.None));
    }
}
