using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Tests.Results;

/// <summary>The document's additions for variants and the physics of a run: present when measured, absent when the feature was off.</summary>
public sealed class VariantDocumentTests
{
    private const string Digest = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly RunResult PlainRun = new() { RunId = 1, Status = RunResult.Success, DurationSeconds = 5.0 };

    private static readonly RunResult MeasuredRun = PlainRun with
    {
        CacheState = new CacheState { MemFreeMb = 100, CachedMb = 50, DirtyMb = 1, WritebackMb = 0, CgroupFileMb = 2, BlobResidentBytes = 0 },
        Copies = [new CopyResult { Copy = 1, DurationSeconds = 4.5 }, new CopyResult { Copy = 2, DurationSeconds = 5.0 }],
        ThroughputMbPerSecond = 200,
        SyncSeconds = 0.5,
        DurableSeconds = 5.5,
        Efficiency = 0.35,
        OverheadVsTar = 2.27,
    };

    [Fact]
    public void A_run_without_the_features_has_none_of_their_keys()
    {
        var json = JsonSerializer.SerializeToElement(PlainRun, ResultJson.Options);

        foreach (var key in new[] { "cache_state", "copies", "throughput_mb_per_second", "sync_seconds", "durable_seconds", "efficiency", "overhead_vs_tar" })
        {
            Assert.False(json.TryGetProperty(key, out _), key);
        }
    }

    [Fact]
    public void A_measured_run_has_the_documented_keys()
    {
        var json = JsonSerializer.SerializeToElement(MeasuredRun, ResultJson.Options);

        Assert.Equal(
            Sorted("mem_free_mb", "cached_mb", "dirty_mb", "writeback_mb", "cgroup_file_mb", "blob_resident_bytes"),
            Keys(json.GetProperty("cache_state")));
        Assert.Equal(Sorted("copy", "duration_seconds", "layers"), Keys(json.GetProperty("copies")[0]));
        Assert.Equal(0.5, json.GetProperty("sync_seconds").GetDouble());
        Assert.Equal(5.5, json.GetProperty("durable_seconds").GetDouble());
        Assert.Equal(0.35, json.GetProperty("efficiency").GetDouble());
        Assert.Equal(2.27, json.GetProperty("overhead_vs_tar").GetDouble());
    }

    [Fact]
    public void A_variant_has_the_documented_keys_and_round_trips()
    {
        var variant = new VariantResult
        {
            Snapshotter = "overlayfs",
            Encoding = "zstd",
            Status = VariantResult.Success,
            Decompressor = "zstd",
            Layers = [new VariantLayer { Digest = Digest, DiffId = Digest, MediaType = "application/vnd.oci.image.layer.v1.tar+zstd", CompressedBytes = 10 }],
            CompressedBytes = 10,
            Summary = SummaryCalculator.Summarize([MeasuredRun], 1_000_000),
            Runs = [MeasuredRun],
            Floors = new FloorMeasurement
            {
                Layers = [new LayerFloor { Digest = Digest, DecompressFloorSeconds = 1.0, ExtractFloorSeconds = 2.0, FloorTool = "zstd" }],
                DecompressFloorSeconds = 1.0,
                ExtractFloorSeconds = 2.0,
            },
            Speedup = new SpeedupEstimate { Ratio = 1.8, Lower = 1.6, Upper = 2.0, ConfidenceLevel = 0.95 },
            PullPlusUnpackSeconds = 4.2,
        };

        var json = JsonSerializer.SerializeToElement(variant, ResultJson.Options);

        Assert.Equal(
            Sorted("snapshotter", "encoding", "status", "error", "decompressor", "layers", "compressed_bytes", "summary", "runs", "floors", "speedup", "pull_plus_unpack_seconds"),
            Keys(json));
        Assert.Equal(Sorted("ratio", "lower", "upper", "confidence_level"), Keys(json.GetProperty("speedup")));
        Assert.Equal(Sorted("layers", "decompress_floor_seconds", "extract_floor_seconds", "note"), Keys(json.GetProperty("floors")));
        Assert.Equal(Sorted("digest", "decompress_floor_seconds", "extract_floor_seconds", "floor_tool"), Keys(json.GetProperty("floors").GetProperty("layers")[0]));
        var text = JsonSerializer.Serialize(variant, ResultJson.Options);
        Assert.Equal(text, JsonSerializer.Serialize(JsonSerializer.Deserialize<VariantResult>(text, ResultJson.Options), ResultJson.Options));
    }

    [Fact]
    public void Summary_findings_have_the_documented_keys()
    {
        var summary = new BenchmarkSummary
        {
            SuccessfulRuns = 5,
            FailedRuns = 0,
            Drift = new DriftFinding { Detected = true, Rho = 1, PValue = 0.0167, SlopeSecondsPerRun = 1.96, Suggestion = "use --cache drop" },
            FirstRunEffect = new FirstRunFinding { Detected = false, Ratio = 1.1 },
        };

        var json = JsonSerializer.SerializeToElement(summary, ResultJson.Options);

        Assert.Equal(Sorted("detected", "rho", "p_value", "slope_seconds_per_run", "suggestion"), Keys(json.GetProperty("drift")));
        Assert.Equal(Sorted("detected", "ratio", "suggestion"), Keys(json.GetProperty("first_run_effect")));
        Assert.False(json.TryGetProperty("efficiency", out _));
        Assert.False(json.TryGetProperty("aggregate_throughput_mb_per_second", out _));
    }

    [Fact]
    public void Aggregate_throughput_counts_every_copy()
    {
        var summary = SummaryCalculator.Summarize([PlainRun with { DurationSeconds = 2.0 }], 100_000_000, copies: 4);

        Assert.Equal(50, summary.ThroughputMbPerSecond!.Value, 9);
        Assert.Equal(200, summary.AggregateThroughputMbPerSecond!.Value, 9);
    }

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(params string[] keys) => keys.Order(StringComparer.Ordinal).ToArray();
}
