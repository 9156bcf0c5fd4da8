using UnpackBench.Agent.Findings;
using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>
/// Two benchmarks measured the way two things should be compared: on the same containerd root,
/// alternating one-run agent invocations — A B B A A B B A … (the order swaps every pair, so neither
/// side always goes first) — so load that comes and goes on the machine falls on both alike, each from a
/// dropped page cache. Each
/// side's runs are then put into one result document, as one multi-run benchmark would write them:
/// the first invocation's document with every run, renumbered, and the summary of them all.
/// </summary>
internal sealed class AlternatingBenchmarks(AgentInvocation agent)
{
    /// <summary>
    /// One untimed invocation to import the archives and warm the root, then <paramref name="runsEach"/>
    /// alternating pairs; returns the paths of the two assembled documents.
    /// </summary>
    public async Task<(string First, string Second)> RunAsync(string firstArchive, string secondArchive, int runsEach)
    {
        await RunOnceAsync(firstArchive, "import");
        var first = new List<BenchmarkResult>();
        var second = new List<BenchmarkResult>();
        for (var pair = 0; pair < runsEach; pair++)
        {
            var order = pair % 2 == 0 ? new[] { (firstArchive, first), (secondArchive, second) } : [(secondArchive, second), (firstArchive, first)];
            foreach (var (archive, documents) in order)
            {
                var name = documents == first ? "first" : "second";
                documents.Add(await RunOnceAsync(archive, $"{name}-{documents.Count + 1}"));
            }
        }

        return (await WriteAsync(first, "first.json"), await WriteAsync(second, "second.json"));
    }

    private async Task<BenchmarkResult> RunOnceAsync(string archive, string output)
    {
        var directory = agent.Path(output);
        // The page cache is dropped before each run, as the benches do: consecutive warm unpacks of one image
        // slow down run after run on these thin-provisioned disks, which widened the interval past any threshold.
        var code = await agent.RawAsync(["run", "--archive", archive, "--runs", "1", "--cache", "drop", "--root", agent.Root, "--output", directory]);
        Assert.True(code == 0, agent.Transcript);
        return ResultJson.Deserialize(await File.ReadAllTextAsync(Directory.GetFiles(directory).Single()));
    }

    private async Task<string> WriteAsync(List<BenchmarkResult> documents, string name)
    {
        var runs = documents.SelectMany(d => d.Runs).Select((run, i) => run with { RunId = i + 1 }).ToList();
        var summary = SummaryCalculator.Summarize(runs, documents[0].Image.TotalUncompressedBytes);
        var assembled = documents[0] with
        {
            BenchmarkConfig = documents[0].BenchmarkConfig with { NumRuns = runs.Count },
            Runs = runs,
            Summary = RunSeriesFindings.WithFindings(summary, runs),
        };
        var path = agent.Path(name);
        await File.WriteAllTextAsync(path, ResultJson.Serialize(assembled));
        return path;
    }
}
