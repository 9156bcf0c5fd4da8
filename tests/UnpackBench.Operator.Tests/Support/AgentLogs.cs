using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>Progress as the operator gets it: log lines folded by the real <see cref="AgentLogAccumulator"/>.</summary>
internal static class AgentLogs
{
    /// <summary>The progress after reading <paramref name="lines"/> while the agent still runs.</summary>
    public static AgentProgress Reading(IEnumerable<string> lines)
    {
        var accumulator = new AgentLogAccumulator();
        foreach (var line in lines)
        {
            accumulator.Apply(line);
        }

        return accumulator.Snapshot();
    }

    /// <summary>The progress after reading <paramref name="lines"/> to the end of the log.</summary>
    public static AgentProgress ReadToEnd(IEnumerable<string> lines)
    {
        var accumulator = new AgentLogAccumulator();
        foreach (var line in lines)
        {
            accumulator.Apply(line);
        }

        accumulator.Complete();
        return accumulator.Snapshot();
    }

    /// <summary>The progress when the log could not be read at all, not even after the agent exited.</summary>
    public static AgentProgress Unreadable(string error, IEnumerable<string>? linesReadBefore = null)
    {
        var accumulator = new AgentLogAccumulator();
        foreach (var line in linesReadBefore ?? [])
        {
            accumulator.Apply(line);
        }

        accumulator.Retry(afterExit: true);
        accumulator.Fail(error);
        return accumulator.Snapshot();
    }

    /// <summary>The progress when reading the log failed while the agent ran (no read after it exited yet).</summary>
    public static AgentProgress UnreadableWhileRunning(string error)
    {
        var accumulator = new AgentLogAccumulator();
        accumulator.Fail(error);
        return accumulator.Snapshot();
    }
}
