using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;

namespace UnpackBench.Bench.OperatorScale;

/// <summary>
/// Stands in for the agent in operator-scale: a shell script that replays a recorded agent log (an
/// acquired event, one event per run a little apart, the result) and writes the termination message the
/// agent would (the verdict and every figure, so a benchmark whose log cannot be read still finishes).
/// The operator cannot tell it from a real agent; a hundred of them fit on two cores.
/// </summary>
internal static class CannedAgent
{
    /// <summary>The image the canned log reports.</summary>
    public const string Image = "docker.io/bench/scale:1";

    /// <summary>Writes the script, its log and its termination message into <paramref name="directory"/>; returns the script's arguments.</summary>
    public static IReadOnlyList<string> Write(string directory, int runs)
    {
        Directory.CreateDirectory(directory);
        var log = Path.Combine(directory, "agent-log.jsonl");
        var termination = Path.Combine(directory, "termination-message.json");
        var script = Path.Combine(directory, "canned-agent.sh");
        var events = Events(runs).ToList();
        File.WriteAllLines(log, events.Select(AgentEventJson.Serialize));
        var result = events[^1].Result!;
        var verdict = AgentTerminationMessage.For(AgentOutcomes.Succeeded, null, $"{result.Summary.SuccessfulRuns} of {result.Runs.Count} runs succeeded", result);
        File.WriteAllText(termination, AgentTerminationMessageJson.Serialize(verdict));
        File.WriteAllText(script, """
            #!/bin/sh
            # Replays a recorded agent log ($1), one event every 100 ms, then reports its verdict ($2)
            # (in a pod to /dev/termination-log; TERMINATION_LOG elsewhere, to time it alone).
            while IFS= read -r line; do printf '%s\n' "$line"; sleep 0.1; done < "$1"
            cat "$2" > "${TERMINATION_LOG:-/dev/termination-log}"
            """.Replace("\r", "", StringComparison.Ordinal));
        return [script, log, termination];
    }

    private static IEnumerable<AgentEvent> Events(int runs)
    {
        var now = DateTimeOffset.UnixEpoch;
        var image = new ImageDescription
        {
            Reference = Image,
            Digest = "sha256:" + new string('a', 64),
            MediaType = "application/vnd.oci.image.manifest.v1+json",
            ManifestDigest = "sha256:" + new string('a', 64),
            ConfigDigest = "sha256:" + new string('b', 64),
            Platform = "linux/amd64",
            Layers = [new LayerDescription { Digest = "sha256:" + new string('c', 64), DiffId = "sha256:" + new string('d', 64), ChainId = "sha256:" + new string('d', 64), MediaType = "application/vnd.oci.image.layer.v1.tar+gzip", Compression = "gzip", CompressedBytes = 1_000_000, UncompressedBytes = 3_000_000 }],
            TotalCompressedBytes = 1_000_000,
            TotalUncompressedBytes = 3_000_000,
        };
        yield return new AgentEvent { Event = AgentEventKinds.Acquired, Time = now, Image = image };
        var results = new List<RunResult>();
        for (var i = 1; i <= runs; i++)
        {
            var run = new RunResult { RunId = i, Status = RunResult.Success, DurationSeconds = 0.5 + i / 100.0, StartedAt = now };
            results.Add(run);
            yield return new AgentEvent { Event = AgentEventKinds.Run, Time = now, Run = run, CompletedRuns = i, TotalRuns = runs };
        }

        yield return new AgentEvent
        {
            Event = AgentEventKinds.Result,
            Time = now,
            Result = new BenchmarkResult
            {
                BenchmarkConfig = new BenchmarkConfig { TargetImage = Image, NumRuns = runs, Timestamp = now, Snapshotter = "overlayfs", Source = "pull", WarmupRuns = 0, Platform = "linux/amd64" },
                Summary = SummaryCalculator.Summarize(results, image.TotalUncompressedBytes),
                Runs = results,
                Image = image,
                Environment = new EnvironmentDescription
                {
                    Hostname = "canned",
                    Kernel = "canned",
                    CpuModel = "canned",
                    CpuCount = 1,
                    MemoryMb = 1,
                    RootFilesystem = "ext4",
                    ContainerdVersion = "canned",
                    ContainerdRevision = "canned",
                    ContainerdMode = "private",
                    Snapshotter = "overlayfs",
                    Decompressor = "unpigz",
                    AgentVersion = "canned",
                },
            },
        };
    }
}
