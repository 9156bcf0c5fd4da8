using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>What an agent reports, built from Core's real types: runs, result documents, and the JSON log lines and termination message that carry them.</summary>
internal static class AgentReports
{
    public static readonly DateTimeOffset Started = Scenario.Now.AddMinutes(-5);

    /// <summary>Durations of runs 1..5, seconds: median 3.12.</summary>
    public static readonly double[] Durations = [3.10, 3.01, 3.30, 3.12, 3.20];

    public static ImageDescription Image { get; } = new()
    {
        Reference = Scenario.Image,
        Digest = Digest('a'),
        MediaType = "application/vnd.oci.image.index.v1+json",
        ManifestDigest = Digest('b'),
        ConfigDigest = Digest('c'),
        Platform = "linux/amd64",
        Layers =
        [
            new LayerDescription { Digest = Digest('1'), DiffId = Digest('4'), ChainId = Digest('4'), MediaType = "application/vnd.oci.image.layer.v1.tar+gzip", Compression = "gzip", CompressedBytes = 30_000_000, UncompressedBytes = 80_000_000 },
            new LayerDescription { Digest = Digest('2'), DiffId = Digest('5'), ChainId = Digest('6'), MediaType = "application/vnd.oci.image.layer.v1.tar+gzip", Compression = "gzip", CompressedBytes = 10_000_000, UncompressedBytes = 40_000_000 },
        ],
        TotalCompressedBytes = 40_000_000,
        TotalUncompressedBytes = 120_000_000,
    };

    /// <summary>The image as the acquired event describes it: sizes after unpacking are not known yet.</summary>
    public static ImageDescription AcquiredImage { get; } = Image with
    {
        Layers = [.. Image.Layers.Select(l => l with { UncompressedBytes = null })],
        TotalUncompressedBytes = null,
    };

    public static RunResult SuccessfulRun(int id, double? seconds = null, int seriesPoints = 5, int layers = 2)
    {
        var duration = seconds ?? Durations[(id - 1) % Durations.Length];
        return new RunResult
        {
            RunId = id,
            Status = RunResult.Success,
            DurationSeconds = duration,
            StartedAt = Started.AddSeconds(10 * id),
            ClearSeconds = 0.41,
            Layers = [.. Enumerable.Range(0, layers).Select(i => new LayerTiming
            {
                Digest = Digest((char)('1' + (i % 9))),
                DurationSeconds = duration / layers,
                PrepareSeconds = 0.002,
                ApplySeconds = (duration / layers) - 0.01,
                CommitSeconds = 0.008,
            })],
            PeakMetrics = new PeakMetrics { CpuPeakPercent = 150 + id, MemoryPeakMb = 120.5 + id, PidPeakCount = 14 },
            Metrics = new RunMetrics
            {
                Source = "cgroup-v2",
                CpuSeconds = 3.4,
                CpuUserSeconds = 1.9,
                CpuSystemSeconds = 1.5,
                IoReadBytes = 0,
                IoWriteBytes = 1_048_576,
                MemoryMaxUsageMb = 212.0,
                MemoryMaxUsageKind = "window",
                SampleIntervalMs = 100,
                SampleCount = seriesPoints,
                SamplerCpuSeconds = 0.004,
                Series = [.. Enumerable.Range(1, seriesPoints).Select(i => new MetricsSample { T = 0.1 * i, CpuPercent = 100 + (i % 50), MemoryMb = 60 + (i % 40), Pids = 10 + (i % 5) })],
            },
        };
    }

    public static RunResult FailedRun(int id, string error = "applying layer 2/2 (sha256:2222…) to overlayfs: no space left on device") => new()
    {
        RunId = id,
        Status = RunResult.Failed,
        Error = error,
        StartedAt = Started.AddSeconds(10 * id),
    };

    public static IReadOnlyList<RunResult> SuccessfulRuns(int count) => [.. Enumerable.Range(1, count).Select(i => SuccessfulRun(i))];

    public static BenchmarkResult Document(IReadOnlyList<RunResult> runs, int numRuns = 5, params string[] notes) => new()
    {
        BenchmarkConfig = new BenchmarkConfig
        {
            TargetImage = Scenario.Image,
            NumRuns = numRuns,
            Timestamp = Started,
            Snapshotter = "overlayfs",
            Source = "pull",
            WarmupRuns = 0,
            Platform = "linux/amd64",
            StatsSource = "cgroup-v2",
            SampleIntervalMs = 100,
        },
        Summary = SummaryCalculator.Summarize(runs, Image.TotalUncompressedBytes),
        Runs = runs,
        Image = Image,
        Environment = new EnvironmentDescription
        {
            Hostname = Scenario.Node,
            Kernel = "6.1.0-18-amd64",
            CpuModel = "Test CPU",
            CpuCount = 8,
            MemoryMb = 32000,
            RootFilesystem = "ext4",
            ContainerdVersion = "1.6.20",
            ContainerdRevision = "0123456789abcdef",
            ContainerdMode = "private",
            Snapshotter = "overlayfs",
            Decompressor = "unpigz",
            AgentVersion = "0.1.0",
        },
        Notes = notes,
    };

    // The log lines, exactly as the agent's JSON-lines reporter writes them.
    public static string StartedLine() => Line(new AgentEvent { Event = AgentEventKinds.Started, Time = Started, Message = "unpackbench-agent 0.1.0" });

    public static string StageLine(string message) => Line(new AgentEvent { Event = "stage", Time = Started, Message = message });

    public static string AcquiredLine() => Line(new AgentEvent { Event = AgentEventKinds.Acquired, Time = Started.AddSeconds(5), Image = AcquiredImage, Message = $"acquired {Scenario.Image} (2 layers)" });

    public static string RunLine(RunResult run, int total = 5) => Line(new AgentEvent
    {
        Event = AgentEventKinds.Run,
        Time = Started.AddSeconds(10 * run.RunId + 5),
        Run = run,
        CompletedRuns = run.RunId,
        TotalRuns = total,
        Message = $"run {run.RunId}/{total}",
    });

    public static string ResultLine(BenchmarkResult result) => Line(new AgentEvent { Event = AgentEventKinds.Result, Time = Started.AddMinutes(2), Result = result, Message = "result written" });

    public static string FailedLine(string? reason, string message) => Line(new AgentEvent { Event = AgentEventKinds.Failed, Time = Started.AddMinutes(1), Reason = reason, Message = message });

    /// <summary>The log of an agent that acquired the image and logged <paramref name="runs"/>.</summary>
    public static List<string> LogWithRuns(IEnumerable<RunResult> runs, int total = 5) =>
        [StartedLine(), StageLine("pulling (untimed, content only)"), AcquiredLine(), .. runs.Select(r => RunLine(r, total))];

    /// <summary>The termination message as the agent writes it.</summary>
    public static string TerminationMessage(string outcome, string? reason, string message, BenchmarkSummary? summary = null) =>
        AgentTerminationMessageJson.Serialize(new AgentTerminationMessage
        {
            Outcome = outcome,
            Reason = reason,
            Message = message,
            SuccessfulRuns = summary?.SuccessfulRuns,
            FailedRuns = summary?.FailedRuns,
            MedianSeconds = summary?.MedianDurationSeconds,
        });

    /// <summary>The termination message of an agent that finished <paramref name="result"/>.</summary>
    public static string TerminationMessage(string outcome, string? reason, string message, BenchmarkResult result) =>
        AgentTerminationMessageJson.Serialize(AgentTerminationMessage.For(outcome, reason, message, result));

    private static string Line(AgentEvent agentEvent) => AgentEventJson.Serialize(agentEvent);

    private static string Digest(char c) => "sha256:" + new string(c, 64);
}
