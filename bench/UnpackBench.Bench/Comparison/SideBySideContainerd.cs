using UnpackBench.Bench.Containerd;

namespace UnpackBench.Bench.Comparison;

/// <summary>
/// The containerd the agent and <c>ctr</c> take turns on, under the work directory. Starting it deletes the
/// leases an interrupted ctr left in the agent's namespace; disposing removes what the last ctr run unpacked
/// (and, after Ctrl+C, a killed ctr's lease), then stops containerd.
/// </summary>
internal sealed class SideBySideContainerd : IAsyncDisposable
{
    private const string Snapshotter = "overlayfs";
    private static readonly TimeSpan CleanupTimeout = TimeSpan.FromMinutes(2);

    private readonly BenchContainerd _containerd;
    private readonly string _agentDll;
    private readonly string _work;
    private readonly TextWriter _progress;
    private readonly string _cache;

    private SideBySideContainerd(BenchContainerd containerd, string agentDll, string work, TextWriter progress, string cache)
    {
        _containerd = containerd;
        _agentDll = agentDll;
        _work = work;
        _progress = progress;
        _cache = cache;
        Ctr = new Ctr(containerd.Address, AgentProcess.Namespace, Snapshotter);
    }

    /// <summary><c>ctr</c> on this containerd, in the agent's namespace and snapshotter.</summary>
    public Ctr Ctr { get; }

    /// <summary>
    /// Starts containerd under <paramref name="work"/> and clears the namespace of a stale ctr's leases; every timed
    /// run, the agent's and ctr's, starts from the page cache <paramref name="cache"/> (<see cref="BenchPageCache"/>).
    /// </summary>
    public static async Task<SideBySideContainerd> StartAsync(string work, string agentDll, TextWriter progress, string cache, CancellationToken cancellationToken)
    {
        var containerd = await BenchContainerd.StartAsync(Path.Combine(work, "containerd"), cancellationToken);
        var sideBySide = new SideBySideContainerd(containerd, agentDll, work, progress, cache);
        try
        {
            if (await sideBySide.Ctr.DeleteForeignLeasesAsync(AgentProcess.LeasePrefix, cancellationToken) is > 0 and var stale)
            {
                await progress.WriteLineAsync($"deleted {stale} lease(s) an interrupted ctr left in namespace '{AgentProcess.Namespace}'");
            }

            return sideBySide;
        }
        catch
        {
            await containerd.DisposeAsync();
            throw;
        }
    }

    /// <summary>The agent on this containerd, with <paramref name="options"/> on every run.</summary>
    public AgentProcess Agent(params string[] options) => new(_agentDll, _containerd.Address, _work, [.. BenchPageCache.AgentOptions(_cache), .. options]);

    /// <summary>Alternates <paramref name="agent"/> and ctr on this containerd.</summary>
    public AlternatingComparison Comparison(AgentProcess agent) => new(agent, Ctr, _progress, _cache);

    /// <summary>Removes the last ctr run's snapshots (the next benchmark's agent would clear them anyway), then stops containerd.</summary>
    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(CleanupTimeout);
        try
        {
            // Leases first, so no lease keeps part of a chain alive during removal.
            await Ctr.DeleteForeignLeasesAsync(AgentProcess.LeasePrefix, timeout.Token);
            await Ctr.RemoveAllSnapshotsAsync(timeout.Token);
        }
        catch (Exception e)
        {
            await _progress.WriteLineAsync($"note: could not remove the last snapshots ({e.Message}); the next run's agent clears them.");
        }

        await _containerd.DisposeAsync();
    }
}
