using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.Tests.Results;

public sealed class ResultJsonTests
{
    private const string LayerDigest = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static readonly BenchmarkResult Sample = new()
    {
        BenchmarkConfig = new BenchmarkConfig
        {
            TargetImage = "docker.io/library/python:3.12",
            NumRuns = 2,
            Timestamp = new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.Zero),
            Snapshotter = "overlayfs",
            Source = "pull",
            WarmupRuns = 1,
            Platform = "linux/amd64",
        },
        Summary = new BenchmarkSummary
        {
            SuccessfulRuns = 1,
            FailedRuns = 1,
            AvgDurationSeconds = 1.25,
            MinDurationSeconds = 1.25,
            MaxDurationSeconds = 1.25,
            MedianDurationSeconds = 1.25,
            P95DurationSeconds = 1.25,
            StddevDurationSeconds = null,
            Cv = null,
            ThroughputMbPerSecond = 123.456789012345,
        },
        Runs =
        [
            new RunResult
            {
                RunId = 1,
                Status = RunResult.Success,
                DurationSeconds = 1.25,
                StartedAt = new DateTimeOffset(2024, 5, 1, 12, 30, 20, TimeSpan.Zero),
                ClearSeconds = 0.1,
                Layers =
                [
                    new LayerTiming { Digest = LayerDigest, DurationSeconds = 1.25, PrepareSeconds = 0.05, ApplySeconds = 1.1, CommitSeconds = 0.1 },
                ],
                PeakMetrics = new PeakMetrics { CpuPeakPercent = 237.5, MemoryPeakMb = 48.2, PidPeakCount = 17 },
            },
            new RunResult
            {
                RunId = 2,
                Status = RunResult.Failed,
                Error = "applying layer 1/1 (sha256:ba7816bf8f01…) to overlayfs: no space left on device",
            },
        ],
        Image = new ImageDescription
        {
            Reference = "docker.io/library/python:3.12",
            Digest = "sha256:1111111111111111111111111111111111111111111111111111111111111111",
            MediaType = "application/vnd.oci.image.index.v1+json",
            ManifestDigest = "sha256:2222222222222222222222222222222222222222222222222222222222222222",
            ConfigDigest = "sha256:3333333333333333333333333333333333333333333333333333333333333333",
            Platform = "linux/amd64",
            Layers =
            [
                new LayerDescription
                {
                    Digest = LayerDigest,
                    DiffId = "sha256:4444444444444444444444444444444444444444444444444444444444444444",
                    ChainId = "sha256:4444444444444444444444444444444444444444444444444444444444444444",
                    MediaType = "application/vnd.oci.image.layer.v1.tar+gzip",
                    Compression = "gzip",
                    CompressedBytes = 3_623_807,
                    UncompressedBytes = null,
                },
            ],
            TotalCompressedBytes = 3_623_807,
            TotalUncompressedBytes = null,
            DownloadedBytes = 0,
        },
        Environment = new EnvironmentDescription
        {
            Hostname = "node-1",
            Kernel = "6.1.0-18-amd64",
            CpuModel = "AMD EPYC 7B13",
            CpuCount = 2,
            MemoryMb = 24_000,
            RootFilesystem = "ext4",
            ContainerdVersion = "v2.0.4",
            ContainerdRevision = "1a43cb6a1035441f9aca8f5666a9b3ef9e70ab20",
            ContainerdMode = "private",
            Snapshotter = "overlayfs",
            Decompressor = "unpigz",
            AgentVersion = "0.1.0",
        },
        Notes = ["memory_peak_mb is the cgroup's high-water mark"],
    };

    private static JsonElement Root() => JsonDocument.Parse(ResultJson.Serialize(Sample)).RootElement;

    private static string[] Keys(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();

    private static string[] Sorted(params string[] keys) => keys.Order(StringComparer.Ordinal).ToArray();

    // The key lists are written out by hand from the documented schema (the original tool's keys
    // plus ours), not derived from the property names, so a rename shows up here.
    public static TheoryData<string, string, string[]> DocumentedKeys => new()
    {
        { "top level", "", ["schema_version", "benchmark_config", "summary", "runs", "image", "environment", "notes"] },
        {
            "benchmark_config", "benchmark_config",
            [
                "target_image", "num_runs", "timestamp", "snapshotter", "source", "warmup_runs", "platform", "stats_source", "sample_interval_ms",
                "snapshotters", "concurrency", "cache_mode", "durable", "floor", "what_if", "link_mbps",
            ]
        },
        {
            "summary", "summary",
            [
                "successful_runs", "failed_runs", "avg_duration_seconds", "min_duration_seconds", "max_duration_seconds",
                "median_duration_seconds", "p95_duration_seconds", "stddev_duration_seconds", "cv", "throughput_mb_per_second",
                "avg_cpu_seconds", "max_cpu_seconds", "avg_cpu_peak_percent", "max_cpu_peak_percent", "avg_memory_peak_mb",
                "max_memory_peak_mb", "max_pid_peak_count", "avg_io_read_bytes", "avg_io_write_bytes",
            ]
        },
        { "a run", "runs/0", ["run_id", "status", "error", "duration_seconds", "started_at", "clear_seconds", "layers", "peak_metrics", "metrics"] },
        { "a run's layer", "runs/0/layers/0", ["digest", "duration_seconds", "prepare_seconds", "apply_seconds", "commit_seconds"] },
        { "peak_metrics", "runs/0/peak_metrics", ["cpu_peak_percent", "memory_peak_mb", "pid_peak_count"] },
        {
            "image", "image",
            ["reference", "digest", "media_type", "manifest_digest", "config_digest", "platform", "layers", "total_compressed_bytes", "total_uncompressed_bytes", "downloaded_bytes"]
        },
        { "an image layer", "image/layers/0", ["digest", "diff_id", "chain_id", "media_type", "compression", "compressed_bytes", "uncompressed_bytes"] },
        {
            "environment", "environment",
            [
                "hostname", "kernel", "cpu_model", "cpu_count", "memory_mb", "root_filesystem", "containerd_version",
                "containerd_revision", "containerd_mode", "snapshotter", "decompressor", "agent_version",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(DocumentedKeys))]
    public void Objects_have_exactly_the_documented_snake_case_keys(string @case, string path, string[] keys)
    {
        var element = Root();
        foreach (var step in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            element = int.TryParse(step, out var i) ? element[i] : element.GetProperty(step);
        }

        Assert.True(Sorted(keys).SequenceEqual(Keys(element)), $"{@case}: {string.Join(", ", Keys(element))}");
    }

    [Fact]
    public void Values_land_under_their_keys()
    {
        var root = Root();
        var config = root.GetProperty("benchmark_config");
        var run = root.GetProperty("runs")[0];

        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        Assert.Equal("docker.io/library/python:3.12", config.GetProperty("target_image").GetString());
        Assert.Equal(2, config.GetProperty("num_runs").GetInt32());
        Assert.Equal(1, config.GetProperty("warmup_runs").GetInt32());
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 12, 30, 15, TimeSpan.Zero), config.GetProperty("timestamp").GetDateTimeOffset());
        Assert.Equal(123.456789012345, root.GetProperty("summary").GetProperty("throughput_mb_per_second").GetDouble());
        Assert.Equal("success", run.GetProperty("status").GetString());
        Assert.Equal(LayerDigest, run.GetProperty("layers")[0].GetProperty("digest").GetString());
        Assert.Equal(1.1, run.GetProperty("layers")[0].GetProperty("apply_seconds").GetDouble());
        Assert.Equal(237.5, run.GetProperty("peak_metrics").GetProperty("cpu_peak_percent").GetDouble());
        Assert.Equal(17, run.GetProperty("peak_metrics").GetProperty("pid_peak_count").GetInt32());
        Assert.Equal("failed", root.GetProperty("runs")[1].GetProperty("status").GetString());
        Assert.Equal(24_000, root.GetProperty("environment").GetProperty("memory_mb").GetInt64());
    }

    [Theory]
    [InlineData("unmeasured stddev", "summary/stddev_duration_seconds")]
    [InlineData("unmeasured cv", "summary/cv")]
    [InlineData("successful run's error", "runs/0/error")]
    [InlineData("failed run's duration", "runs/1/duration_seconds")]
    [InlineData("failed run's start", "runs/1/started_at")]
    [InlineData("unmeasured cpu peak", "runs/1/peak_metrics/cpu_peak_percent")]
    [InlineData("unmeasured memory peak", "runs/1/peak_metrics/memory_peak_mb")]
    [InlineData("unmeasured pid peak", "runs/1/peak_metrics/pid_peak_count")]
    [InlineData("unknown uncompressed size", "image/total_uncompressed_bytes")]
    [InlineData("unknown layer size", "image/layers/0/uncompressed_bytes")]
    public void Missing_values_are_written_as_null_not_omitted(string @case, string path)
    {
        var element = Root();
        foreach (var step in path.Split('/'))
        {
            element = int.TryParse(step, out var i) ? element[i] : element.GetProperty(step);
        }

        Assert.True(element.ValueKind == JsonValueKind.Null, $"{@case}: {element.ValueKind}");
    }

    [Fact]
    public void Failed_run_has_no_layers_rather_than_a_missing_array()
    {
        Assert.Equal(JsonValueKind.Array, Root().GetProperty("runs")[1].GetProperty("layers").ValueKind);
        Assert.Equal(0, Root().GetProperty("runs")[1].GetProperty("layers").GetArrayLength());
    }

    [Fact]
    public void Messages_are_written_readably_and_the_document_is_indented()
    {
        var json = ResultJson.Serialize(Sample);

        Assert.Contains("(sha256:ba7816bf8f01…) to overlayfs", json, StringComparison.Ordinal);
        Assert.Contains("cgroup's high-water mark", json, StringComparison.Ordinal);
        Assert.Contains("\n  \"benchmark_config\": {", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Document_round_trips_without_loss()
    {
        var json = ResultJson.Serialize(Sample);

        var read = ResultJson.Deserialize(json);

        Assert.Equal(json, ResultJson.Serialize(read));
        Assert.Equal(Sample.BenchmarkConfig with { Snapshotters = read.BenchmarkConfig.Snapshotters, WhatIf = read.BenchmarkConfig.WhatIf }, read.BenchmarkConfig);
        Assert.Equal(Sample.Summary, read.Summary);
        Assert.Equal(Sample.Environment, read.Environment);
        Assert.Equal(Sample.Runs[0].Layers, read.Runs[0].Layers);
        Assert.Equal(Sample.Runs[0].PeakMetrics, read.Runs[0].PeakMetrics);
        Assert.Equal(Sample.Runs[1] with { Layers = [] }, read.Runs[1] with { Layers = [] });
        Assert.Equal(Sample.Image.Layers, read.Image.Layers);
        Assert.Equal(Sample.Notes, read.Notes);
    }

    [Fact]
    public void Document_missing_a_required_section_is_refused()
    {
        var json = ResultJson.Serialize(Sample);
        using var document = JsonDocument.Parse(json);
        var withoutSummary = "{" + string.Join(",", document.RootElement.EnumerateObject().Where(p => p.Name != "summary").Select(p => p.ToString())) + "}";

        Assert.Throws<JsonException>(() => ResultJson.Deserialize(withoutSummary));
    }

    [Fact]
    public void Literal_null_document_is_refused()
    {
        Assert.Throws<JsonException>(() => ResultJson.Deserialize("null"));
    }
}
