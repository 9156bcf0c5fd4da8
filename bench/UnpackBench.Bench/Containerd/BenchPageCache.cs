using CliWrap;

namespace UnpackBench.Bench.Containerd;

/// <summary>
/// The page-cache state every timed run of a benchmark starts from, for both sides of a comparison. On these
/// thin-provisioned VMs consecutive warm unpacks of a large image slow from a few seconds to three times that
/// (kernel time, ctr and the agent alike) unless the page cache is dropped between runs, so <c>drop</c> is the
/// default: the agent gets <c>--cache drop</c>, and ctr's runs are preceded by the same sync(2) and drop.
/// </summary>
internal static class BenchPageCache
{
    /// <summary>Sync, then drop the page cache before every timed run (the agent's <c>--cache drop</c>).</summary>
    public const string Drop = "drop";

    /// <summary>Leave the page cache as the previous run left it (the agent's <c>--cache warm</c>).</summary>
    public const string Warm = "warm";

    /// <summary>The modes the benches accept.</summary>
    public static readonly string[] Modes = [Drop, Warm];

    /// <summary>The agent's options that put its runs in <paramref name="mode"/>.</summary>
    public static string[] AgentOptions(string mode) => ["--cache", mode];

    /// <summary>Before a ctr run: in mode <see cref="Drop"/>, writes dirty pages back and drops the page cache, as the agent does before its runs.</summary>
    public static async Task PrepareAsync(string mode, CancellationToken cancellationToken)
    {
        if (mode != Drop)
        {
            return;
        }

        await Cli.Wrap("sync").ExecuteAsync(cancellationToken);
        await File.WriteAllTextAsync("/proc/sys/vm/drop_caches", "1", cancellationToken);
    }
}
