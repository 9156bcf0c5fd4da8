using UnpackBench.Agent.Sampling;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Agent.CommandLine;

/// <summary>What the agent writes and measures: --log-format, --json, --sample-interval and --stats-source.</summary>
internal static class OutputRules
{
    /// <summary>The output settings; problems are added to <paramref name="problems"/>.</summary>
    public static (bool JsonLog, TimeSpan SampleInterval, StatsSource StatsSource) Check(AgentRunRequest request, List<string> problems)
    {
        var jsonLog = request.LogFormat?.ToLowerInvariant() switch
        {
            null or "text" => false,
            AgentCommandLine.JsonLogFormat => true,
            _ => Invalid($"{AgentRunOptions.LogFormat.Name} '{request.LogFormat}' is not a format: use text or json", problems),
        };
        if (jsonLog && request.Json)
        {
            problems.Add($"{AgentRunOptions.Json.Name} and {AgentRunOptions.LogFormat.Name} json both print JSON on stdout; with {AgentRunOptions.LogFormat.Name} json the result document is already the last line");
        }

        var interval = request.SampleIntervalMs ?? BenchmarkLimits.SampleIntervalMs.Default;
        if (BenchmarkLimits.SampleIntervalMs.Problem($"{AgentRunOptions.SampleInterval.Name} {interval}", interval) is { } problem)
        {
            problems.Add($"{problem}; give milliseconds, {BenchmarkLimits.SampleIntervalMs.Range}");
        }

        var statsSource = StatsSource.Auto;
        if (request.StatsSource is { } source && (!source.All(char.IsAsciiLetter) || !Enum.TryParse(source, ignoreCase: true, out statsSource)))
        {
            problems.Add($"{AgentRunOptions.StatsSource.Name} '{request.StatsSource}' is not a source: use cgroup, docker or auto");
        }

        return (jsonLog, TimeSpan.FromMilliseconds(interval), statsSource);
    }

    private static bool Invalid(string problem, List<string> problems)
    {
        problems.Add(problem);
        return false;
    }
}
