using UnpackBench.Agent.Benchmark;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>The verdict on a benchmark session that ran to its end (or was interrupted after it started).</summary>
internal static class SessionVerdict
{
    /// <summary>Succeeded, interrupted, all runs failed, or stopped early.</summary>
    public static AgentVerdict Of(SessionOutcome outcome)
    {
        var result = outcome.Result;
        if (outcome.Interrupted)
        {
            return AgentVerdict.Interrupted($"interrupted; the runs completed so far are in {outcome.ResultPath}");
        }

        if (outcome.Succeeded)
        {
            return AgentVerdict.Success($"{result.Summary.SuccessfulRuns} of {result.Runs.Count} runs succeeded");
        }

        return result.Summary.SuccessfulRuns == 0
            ? AgentVerdict.Error(ExitCodes.Failed, AgentFailureReasons.AllRunsFailed, $"all {result.Runs.Count} runs failed: {(result.Runs.Count > 0 ? result.Runs[^1].Error : null) ?? string.Join("; ", result.Notes)} (see {outcome.ResultPath})")
            : AgentVerdict.Error(ExitCodes.Failed, AgentFailureReasons.Incomplete, $"the benchmark stopped after {result.Runs.Count} of {result.BenchmarkConfig.NumRuns} runs: {string.Join("; ", result.Notes)} (see {outcome.ResultPath})");
    }
}
