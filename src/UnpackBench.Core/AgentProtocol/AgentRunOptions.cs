using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Variants;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// The options of <c>unpackbench-agent run</c>, in help order. Adding an option is a property on
/// <see cref="AgentRunRequest"/> and one entry here; the agent's parser and the operator's arguments
/// follow.
/// </summary>
public static class AgentRunOptions
{
    /// <summary>--image.</summary>
    public static AgentOption<string?> Image { get; } = new("--image", "REF", "Image reference to pull, e.g. docker.io/library/python:3.12 (or TARGET_IMAGE)", r => r.Image, (r, v) => r with { Image = v });

    /// <summary>--archive.</summary>
    public static AgentOption<string?> Archive { get; } = new("--archive", "PATH", "OCI or 'docker save' archive to import instead of pulling", r => r.Archive, (r, v) => r with { Archive = v });

    /// <summary>--runs.</summary>
    public static AgentOption<int?> Runs { get; } = new("--runs", "N", $"Timed runs, {BenchmarkLimits.Runs.Range} (default {BenchmarkLimits.Runs.Default}, or NUM_RUNS)", r => r.Runs, (r, v) => r with { Runs = v });

    /// <summary>--warmup.</summary>
    public static AgentOption<int?> Warmup { get; } = new("--warmup", "N", $"Untimed runs before the timed ones, {BenchmarkLimits.WarmupRuns.Range} (default {BenchmarkLimits.WarmupRuns.Default})", r => r.Warmup, (r, v) => r with { Warmup = v });

    /// <summary>--snapshotter, repeatable.</summary>
    public static AgentOption<IReadOnlyList<string>> Snapshotter { get; } = new("--snapshotter", "NAME", $"containerd snapshotter to unpack into (default {BenchmarkLimits.DefaultSnapshotter}); repeatable, up to {BenchmarkLimits.MaxSnapshotters}: each is benchmarked in turn on the same content", r => r.Snapshotters, (r, v) => r with { Snapshotters = v });

    /// <summary>--concurrency.</summary>
    public static AgentOption<int?> Concurrency { get; } = new("--concurrency", "N", $"Unpack N independent copies of the layer chain at once in each run, as N pods starting together, {BenchmarkLimits.Concurrency.Range} (default {BenchmarkLimits.Concurrency.Default})", r => r.Concurrency, (r, v) => r with { Concurrency = v });

    /// <summary>--cache.</summary>
    public static AgentOption<string?> Cache { get; } = new("--cache", string.Join('|', CacheModes.All.Select(CacheModes.Name)), "Page cache before each run: warm (as left, default), cold (drop the image's blobs' pages), drop (sync and drop the whole node's page cache: privileged, node-wide)", r => r.Cache, (r, v) => r with { Cache = v });

    /// <summary>--durable.</summary>
    public static AgentOption<bool> Durable { get; } = new("--durable", "", "After each run, time syncfs on the snapshot filesystem (sync_seconds, durable_seconds)", r => r.Durable, (r, v) => r with { Durable = v });

    /// <summary>--floor.</summary>
    public static AgentOption<bool> Floor { get; } = new("--floor", "", "After the runs, measure each layer's decompression floor and its decompress + GNU tar floor", r => r.Floor, (r, v) => r with { Floor = v });

    /// <summary>--what-if, repeatable and comma-separated.</summary>
    public static AgentOption<IReadOnlyList<string>> WhatIf { get; } = new("--what-if", "LIST", $"Also benchmark the image re-encoded: {LayerEncoding.Accepted}; comma-separated or repeated", r => r.WhatIf, (r, v) => r with { WhatIf = v });

    /// <summary>--link-mbps.</summary>
    public static AgentOption<int?> LinkMbps { get; } = new("--link-mbps", "MBPS", $"Link speed of the what-if pull + unpack estimate, Mbit/s, {BenchmarkLimits.LinkMbps.Range} (default {BenchmarkLimits.LinkMbps.Default})", r => r.LinkMbps, (r, v) => r with { LinkMbps = v });

    /// <summary>--platform.</summary>
    public static AgentOption<string?> Platform { get; } = new("--platform", "OS/ARCH", "Platform to pick from a multi-platform image (default: this machine's)", r => r.Platform, (r, v) => r with { Platform = v });

    /// <summary>--plain-http.</summary>
    public static AgentOption<bool> PlainHttp { get; } = new("--plain-http", "", "Talk plain HTTP to the registry (no TLS)", r => r.PlainHttp, (r, v) => r with { PlainHttp = v });

    /// <summary>--registry-config, repeatable.</summary>
    public static AgentOption<IReadOnlyList<string>> RegistryConfig { get; } = new("--registry-config", "FILE", "Docker config.json with registry credentials; repeatable, first match wins (default: REGISTRY_AUTH_FILE, DOCKER_CONFIG, ~/.docker)", r => r.RegistryConfigs, (r, v) => r with { RegistryConfigs = v });

    /// <summary>--root.</summary>
    public static AgentOption<string?> Root { get; } = new("--root", "DIR", "Directory of the private containerd's state and content cache (default ./.unpackbench/containerd)", r => r.Root, (r, v) => r with { Root = v });

    /// <summary>--containerd-address.</summary>
    public static AgentOption<string?> ContainerdAddress { get; } = new("--containerd-address", "SOCKET", "Use this existing containerd socket instead of a private containerd", r => r.ContainerdAddress, (r, v) => r with { ContainerdAddress = v });

    /// <summary>--output.</summary>
    public static AgentOption<string?> Output { get; } = new("--output", "DIR", "Directory for the result document (default ./results)", r => r.Output, (r, v) => r with { Output = v });

    /// <summary>--json.</summary>
    public static AgentOption<bool> Json { get; } = new("--json", "", "Also print the result document on stdout", r => r.Json, (r, v) => r with { Json = v });

    /// <summary>--sample-interval.</summary>
    public static AgentOption<int?> SampleInterval { get; } = new("--sample-interval", "MS", $"Sample containerd's CPU, memory and PIDs every MS milliseconds during a run, {BenchmarkLimits.SampleIntervalMs.Range} (default {BenchmarkLimits.SampleIntervalMs.Default})", r => r.SampleIntervalMs, (r, v) => r with { SampleIntervalMs = v });

    /// <summary>--stats-source.</summary>
    public static AgentOption<string?> StatsSource { get; } = new("--stats-source", "auto|cgroup|docker", "Where resource figures come from: cgroup (containerd's own, exact), docker (the agent's container, as docker stats), or auto (default)", r => r.StatsSource, (r, v) => r with { StatsSource = v });

    /// <summary>--log-format.</summary>
    public static AgentOption<string?> LogFormat { get; } = new("--log-format", "text|json", "Progress as text (default) or json: one event per line on stdout, ending with the result document (what the operator reads)", r => r.LogFormat, (r, v) => r with { LogFormat = v });

    /// <summary>--termination-message-path.</summary>
    public static AgentOption<string?> TerminationMessagePath { get; } = new("--termination-message-path", "FILE", $"Write a JSON verdict of at most {AgentTerminationMessage.MaxBytes} bytes here on exit (a pod's terminationMessagePath)", r => r.TerminationMessagePath, (r, v) => r with { TerminationMessagePath = v });

    /// <summary>Every option, in help order.</summary>
    public static IReadOnlyList<AgentRequestOption<AgentRunRequest>> All { get; } =
    [
        Image, Archive, Runs, Warmup, Snapshotter, Concurrency, Cache, Durable, Floor, WhatIf, LinkMbps, Platform, PlainHttp, RegistryConfig, Root, ContainerdAddress,
        Output, Json, SampleInterval, StatsSource, LogFormat, TerminationMessagePath,
    ];
}
