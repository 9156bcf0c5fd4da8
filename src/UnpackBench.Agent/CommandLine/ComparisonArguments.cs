using System.CommandLine;
using UnpackBench.Agent.Documents;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// What <c>compare</c> and <c>report --baseline</c> share: the threshold and <c>--force</c> options,
/// reading the two documents, and turning a refusal into the sentence that says what to do.
/// </summary>
internal sealed class ComparisonArguments
{
    /// <summary>Percent change that counts.</summary>
    public Option<double> Threshold { get; } = new("--threshold")
    {
        Description = "How far the ratio of medians may move from 1, in percent, before it counts as a change (above 0, below 100)",
        HelpName = "PCT",
        DefaultValueFactory = _ => ComparisonOptions.DefaultThresholdPercent,
    };

    /// <summary>Compare documents from different setups.</summary>
    public Option<bool> Force { get; } = new("--force")
    {
        Description = "Compare even when the documents come from a different node, snapshotter, decompressor, containerd version or cache mode",
    };

    /// <summary>The comparison options parsed, or the problem with them.</summary>
    public (ComparisonOptions? Options, string? Problem) Read(ParseResult parse)
    {
        var threshold = parse.GetValue(Threshold);
        return ComparisonOptions.ThresholdProblem(threshold) is { } problem
            ? (null, $"--threshold: {problem}")
            : (new ComparisonOptions { ThresholdPercent = threshold, Force = parse.GetValue(Force) }, null);
    }

    /// <summary>Reads a document named on the command line.</summary>
    public static Task<BenchmarkResult> ReadAsync(string argument, AgentConsole console, CancellationToken cancellationToken) =>
        ResultDocumentInput.ReadAsync(argument, console.WorkingDirectory, Console.In, cancellationToken);

    /// <summary>Compares, or explains on stderr why not and returns the exit code.</summary>
    public static async Task<(ResultComparison? Comparison, int ExitCode)> CompareAsync(BenchmarkResult baseline, BenchmarkResult candidate, ComparisonOptions options, AgentConsole console)
    {
        try
        {
            return (ResultComparer.Compare(baseline, candidate, options), ExitCodes.Success);
        }
        catch (ComparisonRefusedException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}{(e.Forceable ? ", or pass --force to compare them anyway." : ".")}");
            return (null, ExitCodes.Usage);
        }
    }

    /// <summary>Reports an unusable document on stderr; returns its exit code.</summary>
    public static async Task<int> FailAsync(DocumentInputException e, AgentConsole console)
    {
        await console.Error.WriteLineAsync($"error: {e.Message}");
        return e.IsUsageError ? ExitCodes.Usage : ExitCodes.Failed;
    }
}
