using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>Builds the compact status rows (one per node and snapshotter) from a summary and what is known of the node.</summary>
public static class StatusRows
{
    /// <summary>A row for <paramref name="node"/> and <paramref name="snapshotter"/> in <paramref name="phase"/>, with the figures of <paramref name="summary"/>.</summary>
    public static NodeBenchmarkStatus Row(
        string? node, string? snapshotter, NodeFacts facts, string agentPod, string phase, string? reason, string? message, int completedRuns, BenchmarkSummaryStatus? summary, string? resultConfigMap) => new()
        {
            NodeName = node,
            Snapshotter = snapshotter,
            InstanceType = facts.InstanceType,
            Zone = facts.Zone,
            Kernel = facts.Kernel,
            ContainerdVersion = facts.ContainerdVersion,
            AgentPod = agentPod,
            Phase = phase,
            Reason = reason,
            // A succeeded row's figures say it all; rows are kept small, as a survey has one per node and snapshotter.
            Message = phase == BenchmarkPhase.Succeeded ? null : message,
            CompletedRuns = completedRuns,
            MedianSeconds = summary?.MedianSeconds,
            P95Seconds = summary?.P95Seconds,
            ThroughputMBps = summary?.ThroughputMBps,
            CpuSeconds = summary?.CpuSeconds,
            MemoryPeakMB = summary?.MemoryPeakMB,
            ResultConfigMap = resultConfigMap,
        };

    /// <summary>The figures of <paramref name="row"/> as a summary (what a row keeps of one).</summary>
    public static BenchmarkSummaryStatus? Summary(NodeBenchmarkStatus row) => row.MedianSeconds is null && row.ThroughputMBps is null
        ? null
        : new BenchmarkSummaryStatus
        {
            SuccessfulRuns = row.CompletedRuns,
            MedianSeconds = row.MedianSeconds,
            P95Seconds = row.P95Seconds,
            ThroughputMBps = row.ThroughputMBps,
            CpuSeconds = row.CpuSeconds,
            MemoryPeakMB = row.MemoryPeakMB,
        };
}
