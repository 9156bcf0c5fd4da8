using System.Globalization;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Agent.CommandLine;

/// <summary>How many runs: --runs (or NUM_RUNS) and --warmup, within <see cref="BenchmarkLimits"/>.</summary>
internal static class RunCountRules
{
    /// <summary>The counts; problems are added to <paramref name="problems"/>.</summary>
    public static (int Runs, int Warmup) Check(AgentRunRequest request, Func<string, string?> environment, List<string> problems)
    {
        var variable = request.Runs is null ? Variables.NonEmpty(environment("NUM_RUNS")) : null;
        var runs = request.Runs ?? ParseRunsVariable(variable, problems) ?? BenchmarkLimits.Runs.Default;
        var runsName = variable is not null ? $"NUM_RUNS={runs}" : $"{AgentRunOptions.Runs.Name} {runs}";
        Add(BenchmarkLimits.Runs.Problem(runsName, runs), problems);

        var warmup = request.Warmup ?? BenchmarkLimits.WarmupRuns.Default;
        Add(BenchmarkLimits.WarmupRuns.Problem($"{AgentRunOptions.Warmup.Name} {warmup}", warmup), problems);
        return (runs, warmup);
    }

    private static int? ParseRunsVariable(string? text, List<string> problems)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var runs))
        {
            return runs;
        }

        problems.Add($"NUM_RUNS='{text}' is not a whole number; set it to the number of timed runs, e.g. NUM_RUNS={BenchmarkLimits.Runs.Default}");
        return BenchmarkLimits.Runs.Default;
    }

    private static void Add(string? problem, List<string> problems)
    {
        if (problem is not null)
        {
            problems.Add(problem);
        }
    }
}
