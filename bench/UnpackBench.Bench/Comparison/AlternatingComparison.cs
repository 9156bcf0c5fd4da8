using System.Globalization;
using UnpackBench.Bench.Containerd;
using UnpackBench.Bench.Generation;

namespace UnpackBench.Bench.Comparison;

/// <summary>
/// Times the agent and <c>ctr snapshots unpack</c> alternately on one image: agent, ctr, agent, ctr, …
/// Each side starts from the same clean state: the agent clears the namespace before its run (removing what
/// ctr unpacked) and after it (so ctr starts clean), each time with synchronous GC, waiting for the snapshot
/// directories to vanish and sync(2). Before every ctr run the namespace is checked to hold no snapshot, and
/// after it to hold exactly the image's committed layers — so neither side can be fast by skipping work.
/// </summary>
/// <param name="agent">The agent's side, which puts the page cache in <paramref name="cache"/>'s state itself.</param>
/// <param name="ctr">ctr's side.</param>
/// <param name="progress">Where each pair's times go.</param>
/// <param name="cache">The page cache before every ctr run (<see cref="BenchPageCache"/>), as the agent has it before its runs.</param>
internal sealed class AlternatingComparison(AgentProcess agent, Ctr ctr, TextWriter progress, string cache)
{
    /// <summary>One untimed import run, then <paramref name="iterations"/> alternating pairs.</summary>
    public async Task<ComparisonResult> RunAsync(string label, GeneratedImage image, RatioTarget target, int iterations, CancellationToken cancellationToken)
    {
        await ImportAsync(label, image, cancellationToken);
        var times = new List<(TimeSpan Agent, TimeSpan Ctr)>(iterations);
        for (var i = 1; i <= iterations; i++)
        {
            times.Add(await PairAsync(agent, label, image, i, iterations, cancellationToken));
        }

        return new ComparisonResult(label, image, target, times);
    }

    /// <summary>The untimed agent run that imports the archive into containerd, checked to have unpacked the archive's image.</summary>
    public async Task ImportAsync(string label, GeneratedImage image, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync($"{label}: importing the archive into containerd (one untimed agent run)");
        var import = await agent.RunAsync(image.ArchivePath, label + "-import", cancellationToken);
        if (import.ManifestDigest != image.ManifestDigest || import.LayerCount != image.Layers)
        {
            throw new InvalidOperationException(
                $"the agent unpacked {import.ManifestDigest} ({import.LayerCount} layers), but the {label} archive holds {image.ManifestDigest} ({image.Layers} layers)");
        }

        await RequireImageRecordAsync(label, image.ManifestDigest, cancellationToken);
    }

    /// <summary>One timed pair: a run of <paramref name="side"/> (the agent, possibly with other options), then a checked ctr run.</summary>
    public async Task<(TimeSpan Agent, TimeSpan Ctr)> PairAsync(AgentProcess side, string label, GeneratedImage image, int iteration, int iterations, CancellationToken cancellationToken)
    {
        var agentRun = await side.RunAsync(image.ArchivePath, label, cancellationToken);
        await RequireNoSnapshotsAsync($"before ctr run {iteration} of {label}", cancellationToken);
        await BenchPageCache.PrepareAsync(cache, cancellationToken);
        var ctrTime = await ctr.TimedUnpackAsync(image.ManifestDigest, cancellationToken);
        await RequireUnpackedAsync($"after ctr run {iteration} of {label}", image.Layers, cancellationToken);
        await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"  {label} {iteration}/{iterations}: agent {agentRun.Duration.TotalSeconds:0.000} s, ctr {ctrTime.TotalSeconds:0.000} s"));
        return (agentRun.Duration, ctrTime);
    }

    private async Task RequireImageRecordAsync(string label, string manifestDigest, CancellationToken cancellationToken)
    {
        // ctr snapshots unpack looks the digest up among the namespace's image records' targets.
        var images = await ctr.ListImagesAsync(cancellationToken);
        if (!images.Contains(manifestDigest, StringComparison.Ordinal))
        {
            throw new InvalidOperationException(
                $"after importing the {label} archive, no image record in namespace '{AgentProcess.Namespace}' targets {manifestDigest}, " +
                $"so `ctr snapshots unpack` cannot find it. `ctr images ls` shows:\n{images.Trim()}");
        }
    }

    private async Task RequireNoSnapshotsAsync(string when, CancellationToken cancellationToken)
    {
        var snapshots = await ctr.ListSnapshotsAsync(cancellationToken);
        if (snapshots.Count > 0)
        {
            throw new InvalidOperationException(
                $"{when}: namespace '{AgentProcess.Namespace}' still holds {snapshots.Count} snapshot(s) after the agent's clear " +
                $"({string.Join(", ", snapshots.Take(3).Select(snapshot => $"{snapshot.Key} {snapshot.Kind}"))}); ctr would skip those layers and look fast, so the benchmark stops.");
        }
    }

    private async Task RequireUnpackedAsync(string when, int layers, CancellationToken cancellationToken)
    {
        var snapshots = await ctr.ListSnapshotsAsync(cancellationToken);
        var committed = snapshots.Count(snapshot => snapshot.Kind == "Committed");
        if (committed != layers || snapshots.Count != layers)
        {
            throw new InvalidOperationException(
                $"{when}: expected the image's {layers} committed layer snapshots, found {snapshots.Count} snapshot(s), {committed} committed.");
        }
    }
}
