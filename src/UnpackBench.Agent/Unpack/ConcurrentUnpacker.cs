using System.Diagnostics;
using UnpackBench.Agent.Images;

namespace UnpackBench.Agent.Unpack;

/// <summary>
/// Unpacks N independent copies of an image's layer chain at the same time, as a node does when N
/// pods start together, each copy under its own snapshot names (see <see cref="CopyChain"/>). With
/// one copy it is exactly one <see cref="LayerUnpacker"/> run.
/// </summary>
internal sealed class ConcurrentUnpacker(LayerUnpacker unpacker)
{
    /// <summary>Starts every copy at once and waits for all; the wall time runs from the start until the last copy's commit.</summary>
    public async Task<ConcurrentOutcome> UnpackAsync(AcquiredImage image, IReadOnlyList<CopyChain> chains, string leaseId, int runId, CancellationToken cancellationToken)
    {
        if (chains.Count == 1)
        {
            var single = await unpacker.UnpackAsync(image, chains[0], leaseId, runId, cancellationToken);
            return new ConcurrentOutcome([single], single.TotalTicks);
        }

        var clock = Stopwatch.StartNew();
        var copies = chains.Select(chain => Task.Run(() => unpacker.UnpackAsync(image, chain, leaseId, runId, cancellationToken), cancellationToken)).ToArray();
        var outcomes = await Task.WhenAll(copies);
        return new ConcurrentOutcome(outcomes, clock.ElapsedTicks);
    }
}

/// <summary>What N copies produced: each copy's outcome, in copy order, and the wall time in stopwatch ticks.</summary>
internal sealed record ConcurrentOutcome(IReadOnlyList<UnpackOutcome> Copies, long WallTicks)
{
    /// <summary>The first copy's error, prefixed with its copy number when there are several; null when all succeeded.</summary>
    public string? Error => Copies.Select((c, i) => (c.Error, Copy: i + 1)).FirstOrDefault(c => c.Error is not null) is { Error: { } error } failed
        ? Copies.Count == 1 ? error : $"copy {failed.Copy}/{Copies.Count}: {error}"
        : null;

    /// <summary>Every snapshot directory any copy created.</summary>
    public IReadOnlyList<string> SnapshotDirectories => Copies.SelectMany(c => c.SnapshotDirectories).ToList();
}
