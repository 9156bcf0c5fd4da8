using UnpackBench.Agent.Cache;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Cache;

public sealed class PageCacheFilesTests : IDisposable
{
    private readonly TempDirectory _directory = new("pagecache");

    [Fact]
    public void A_file_just_read_is_resident_and_evicting_it_leaves_no_page()
    {
        var path = _directory.Combine("blob");
        File.WriteAllBytes(path, new byte[(3 * Environment.SystemPageSize) + 100]);
        using (var flush = new FileStream(path, FileMode.Open))
        {
            flush.Flush(flushToDisk: true);
        }

        _ = File.ReadAllBytes(path);
        Assert.Equal(new FileInfo(path).Length, PageCacheFiles.ResidentBytes(path));

        PageCacheFiles.Evict(path);

        Assert.Equal(0, PageCacheFiles.ResidentBytes(path));
    }

    [Fact]
    public void An_empty_file_has_nothing_resident()
    {
        var path = _directory.Combine("empty");
        File.WriteAllBytes(path, []);

        Assert.Equal(0, PageCacheFiles.ResidentBytes(path));
    }

    public void Dispose() => _directory.Dispose();
}
