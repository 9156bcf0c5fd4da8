using UnpackBench.Agent.Cache;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Floors;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Benchmark;

/// <summary>
/// The checks the benchmark's conditions need (cache mode, durable, floors, what-if, snapshotters),
/// each failing with a <see cref="UsageException"/> (exit 2) that says what to change — before
/// containerd starts where possible, otherwise before the first timed run.
/// </summary>
internal static class ConditionChecks
{
    /// <summary>Checks that need nothing but the agent's own machine: run before containerd starts.</summary>
    public static void BeforeStart(BenchmarkSettings settings, string? searchPath)
    {
        if (settings.CacheMode == CacheMode.Drop && NodePageCache.Problem() is { } drop)
        {
            throw new UsageException(drop);
        }

        if (settings.Floor && FloorToolbox.Find(searchPath).Problem is { } floor)
        {
            throw new UsageException(floor);
        }
    }

    /// <summary>The snapshotters containerd offers of those asked for; throws when none is available.</summary>
    public static IReadOnlyList<string> Snapshotters(BenchmarkSettings settings, SnapshotterCatalog catalog)
    {
        var available = settings.Snapshotters.Where(s => catalog.Problem(s) is null).ToList();
        if (available.Count == 0)
        {
            var problems = string.Join("; ", settings.Snapshotters.Select(s => catalog.Problem(s)));
            throw new UsageException(problems + ". Choose one with --snapshotter", AgentFailureReasons.SnapshotterUnavailable);
        }

        return available;
    }

    /// <summary>Checks that need containerd's directories: the blob files and the snapshotters' roots must be visible.</summary>
    public static void WithContainerd(BenchmarkSettings settings, ContentBlobFiles? blobs, IReadOnlyList<string> snapshotters, SnapshotterCatalog catalog)
    {
        if (CachePreparer.Problem(settings.CacheMode, blobs) is { } cache)
        {
            throw new UsageException(cache);
        }

        foreach (var snapshotter in snapshotters)
        {
            var root = catalog.RootOf(snapshotter);
            if (settings.Durable && SnapshotWriteback.Problem(root) is { } durable)
            {
                throw new UsageException(durable);
            }

            if (settings.Floor && (blobs is null || root is null || !Directory.Exists(root)))
            {
                throw new UsageException(
                    "--floor reads the layer blobs from the content store and extracts them next to the snapshots, but containerd's directories are not visible to the agent; " +
                    "mount containerd's root into the agent at the same path, or drop --floor");
            }
        }
    }

    /// <summary>What-if re-encodes every layer: refused for an image whose publisher marked a layer non-distributable.</summary>
    public static void WhatIf(BenchmarkSettings settings, AcquiredImage image)
    {
        if (settings.WhatIf.Count == 0)
        {
            return;
        }

        var restricted = image.Layers.Select((l, i) => (Layer: l, Number: i + 1)).FirstOrDefault(l => MediaTypes.IsNonDistributableLayer(l.Layer.MediaType));
        if (restricted.Layer is not null)
        {
            throw new UsageException(
                $"--what-if re-encodes every layer, but layer {restricted.Number}/{image.Layers.Count} ({restricted.Layer.Digest.Abbreviated}) is non-distributable ({restricted.Layer.MediaType}): " +
                "its publisher does not allow copies of it to be made and passed on. Benchmark this image without --what-if");
        }
    }
}
