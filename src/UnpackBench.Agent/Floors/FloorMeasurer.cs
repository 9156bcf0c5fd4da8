using UnpackBench.Agent.Cache;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Sampling;
using UnpackBench.Agent.Unpack;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Floors;

/// <summary>
/// Measures the floors under a variant's runs, after them, on the same node: for each layer the
/// decompression floor and the extraction floor (see <see cref="FloorCommands"/>), each the fastest of
/// <see cref="Repetitions"/> tries. Before every try the page cache is put in the runs' state (the
/// <c>--cache</c> mode) after sync(2), as the runs' clear leaves it. Each extraction goes into a fresh
/// directory next to the snapshots, on their filesystem, removed right after.
/// </summary>
/// <param name="blobs">The content store's blob files.</param>
/// <param name="extractParent">The snapshotter's directory; extraction directories are made in it.</param>
/// <param name="cache">The runs' cache mode.</param>
/// <param name="tools">Which decompressors the agent has.</param>
/// <param name="cgroup">containerd's cgroup, where the tools run; null when containerd has none of the agent's making.</param>
internal sealed class FloorMeasurer(ContentBlobFiles blobs, string extractParent, CachePreparer cache, FloorToolbox tools, ContainerdCgroup? cgroup)
{
    /// <summary>Tries per floor; the fastest counts, as a floor is what the machine can do at best.</summary>
    public const int Repetitions = 3;

    /// <summary>Measures every layer of <paramref name="image"/>; <paramref name="containerdGzip"/> is containerd's gzip decompressor.</summary>
    public async Task<FloorMeasurement> MeasureAsync(AcquiredImage image, string containerdGzip, CancellationToken cancellationToken)
    {
        var layers = new List<LayerFloor>(image.Layers.Count);
        var used = new List<FloorTool>();
        foreach (var layer in image.Layers)
        {
            var tool = FloorTools.Choose(MediaTypes.CompressionOf(layer.MediaType), containerdGzip, tools.HasUnpigz, tools.HasZstd);
            used.Add(tool);
            var blob = blobs.PathOf(layer.Digest);
            var decompress = await FastestAsync(layer.Digest, () => FloorCommands.DecompressAsync(tool, blob, cgroup, cancellationToken));
            var extract = await FastestAsync(layer.Digest, () => ExtractOnceAsync(tool, blob, cancellationToken));
            layers.Add(new LayerFloor { Digest = layer.Digest.ToString(), DecompressFloorSeconds = decompress, ExtractFloorSeconds = extract, FloorTool = FloorTools.Name(tool) });
        }

        // The extractions' writeback must not spill into whatever runs next on the node.
        FileSystemSync.FlushAll();
        return new FloorMeasurement
        {
            Layers = layers,
            DecompressFloorSeconds = layers.Sum(l => l.DecompressFloorSeconds),
            ExtractFloorSeconds = layers.Sum(l => l.ExtractFloorSeconds),
            Note = FloorTools.Comparability(used, containerdGzip),
        };
    }

    private async Task<double> FastestAsync(Digest layer, Func<Task<double>> measure)
    {
        var best = double.MaxValue;
        for (var i = 0; i < Repetitions; i++)
        {
            FileSystemSync.FlushAll();
            cache.Prepare([layer]);
            best = Math.Min(best, await measure());
        }

        return best;
    }

    private async Task<double> ExtractOnceAsync(FloorTool tool, string blob, CancellationToken cancellationToken)
    {
        var directory = Directory.CreateDirectory(Path.Combine(extractParent, $"unpackbench-floor-{Guid.NewGuid():N}")).FullName;
        try
        {
            return await FloorCommands.ExtractAsync(tool, blob, directory, cgroup, cancellationToken);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
