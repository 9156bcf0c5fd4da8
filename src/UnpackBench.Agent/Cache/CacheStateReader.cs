using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Sampling;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Cache;

/// <summary>Reads the page-cache state a run starts in: the node's figures, containerd's cgroup's file pages, and the blobs' resident bytes.</summary>
internal sealed class CacheStateReader(IResourceMonitor monitor, ContentBlobFiles? blobs)
{
    private const double KbPerMib = 1024;
    private const double BytesPerMib = 1024 * 1024;

    /// <summary>The state now, for a run of the image whose layer blobs are <paramref name="layers"/>.</summary>
    public CacheState Read(IEnumerable<Digest> layers)
    {
        var memory = MemInfo.ReadCurrent();
        return new CacheState
        {
            MemFreeMb = memory.MemFreeKb / KbPerMib,
            CachedMb = memory.CachedKb / KbPerMib,
            DirtyMb = memory.DirtyKb / KbPerMib,
            WritebackMb = memory.WritebackKb / KbPerMib,
            CgroupFileMb = monitor.FilePageBytes() / BytesPerMib,
            BlobResidentBytes = blobs is null ? null : layers.Sum(l => PageCacheFiles.ResidentBytes(blobs.PathOf(l))),
        };
    }
}
