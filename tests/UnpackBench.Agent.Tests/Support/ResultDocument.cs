using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>Reads the single result document an invocation wrote.</summary>
internal static class ResultDocument
{
    public static BenchmarkResult ReadOnly(AgentInvocation agent)
    {
        var files = agent.ResultFiles();
        Assert.True(files.Length == 1, $"expected one result file, found {files.Length}\n{agent.Transcript}");
        Assert.Matches(@"benchmark_\d{8}T\d{6}Z\.json$", files[0]);
        return ResultJson.Deserialize(File.ReadAllText(files[0]));
    }
}
