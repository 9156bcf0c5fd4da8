namespace UnpackBench.Core.Results;

/// <summary>
/// The page-cache state a run started in, read just before its timed window opened (after any cache
/// action of <c>--cache</c>). Two runs that differ in time often differ here too. MiB; null when the
/// figure could not be read.
/// </summary>
public sealed record CacheState
{
    /// <summary><c>MemFree</c> of /proc/meminfo.</summary>
    public double? MemFreeMb { get; init; }

    /// <summary><c>Cached</c> of /proc/meminfo: the node's page cache.</summary>
    public double? CachedMb { get; init; }

    /// <summary><c>Dirty</c> of /proc/meminfo: pages waiting to be written back.</summary>
    public double? DirtyMb { get; init; }

    /// <summary><c>Writeback</c> of /proc/meminfo: pages being written back now.</summary>
    public double? WritebackMb { get; init; }

    /// <summary>File pages charged to containerd's memory cgroup.</summary>
    public double? CgroupFileMb { get; init; }

    /// <summary>Bytes of the variant's layer blobs resident in the page cache (mincore), or null when the blob files cannot be reached.</summary>
    public long? BlobResidentBytes { get; init; }
}
