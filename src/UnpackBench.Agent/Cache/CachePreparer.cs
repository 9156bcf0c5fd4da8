using UnpackBench.Agent.Containerd;
using UnpackBench.Core.Images;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Cache;

/// <summary>
/// Puts the page cache into the state of <c>--cache</c> before a timed run (and before each floor
/// measurement, so the floors see the runs' conditions): <c>warm</c> leaves it, <c>cold</c> drops the
/// layer blobs' pages and checks with mincore that none is left, <c>drop</c> syncs and drops the
/// node's whole page cache.
/// </summary>
internal sealed class CachePreparer(CacheMode mode, ContentBlobFiles? blobs)
{
    /// <summary>The mode applied.</summary>
    public CacheMode Mode => mode;

    /// <summary>Null when <paramref name="mode"/> can work with these blobs, otherwise why not and what to do.</summary>
    public static string? Problem(CacheMode mode, ContentBlobFiles? blobs) => mode switch
    {
        CacheMode.Cold when blobs is null =>
            "--cache cold needs the content store's blob files, but containerd's content directory is not visible to the agent; " +
            "mount containerd's root into the agent at the same path, or use --cache drop",
        CacheMode.Drop => NodePageCache.Problem(),
        _ => null,
    };

    /// <summary>Applies the mode for a run over <paramref name="layers"/>; returns a problem sentence when pages stayed resident.</summary>
    public string? Prepare(IReadOnlyCollection<Digest> layers)
    {
        switch (mode)
        {
            case CacheMode.Cold:
                return EvictBlobs(layers);
            case CacheMode.Drop:
                NodePageCache.Drop();
                return null;
            default:
                return null;
        }
    }

    private string? EvictBlobs(IReadOnlyCollection<Digest> layers)
    {
        var files = layers.Select(l => blobs!.PathOf(l)).ToList();
        foreach (var file in files)
        {
            PageCacheFiles.Evict(file);
        }

        var resident = files.Sum(PageCacheFiles.ResidentBytes);
        return resident == 0 ? null : $"{resident} bytes of the layer blobs stayed in the page cache after posix_fadvise(DONTNEED) (mapped or locked by another process)";
    }
}
