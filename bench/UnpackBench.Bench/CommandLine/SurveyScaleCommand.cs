using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.SurveyScale;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>survey-scale</c>: one survey over N test kubelets running the canned agent; prints the operator's API
/// requests per status row, its peak memory, and the time until every row is done against the canned
/// agent's own time × the waves <c>maxParallelNodes</c> allows.
/// </summary>
internal sealed class SurveyScaleCommand : Command
{
    private readonly Option<int> _nodes = new("--nodes") { Description = "Test kubelets, all surveyed", HelpName = "N", DefaultValueFactory = _ => 50 };
    private readonly Option<int> _maxParallel = new("--max-parallel-nodes") { Description = "The survey's spec.maxParallelNodes", HelpName = "N", DefaultValueFactory = _ => 10 };
    private readonly Option<int> _runs = new("--runs") { Description = "Runs per node (the canned agent reports this many)", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<string> _work = new("--work") { Description = "Work directory (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };

    /// <summary>Creates the command.</summary>
    public SurveyScaleCommand()
        : base("survey-scale", "One survey (placement EachNode) over N test kubelets with the canned agent; count the operator's requests per row, measure its memory and the time to every row done")
    {
        Options.Add(_nodes);
        Options.Add(_maxParallel);
        Options.Add(_runs);
        Options.Add(_work);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var work = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(parse.GetValue(_work)!, "survey-scale"))).FullName;
        var result = await new SurveyScaleRun(OperatorLocator.Find(), work, parse.InvocationConfiguration.Error)
            .RunAsync(parse.GetValue(_nodes), parse.GetValue(_maxParallel), parse.GetValue(_runs), cancellationToken);

        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        await output.WriteLineAsync(Line($"one survey over {result.Nodes} test kubelets running a canned agent ({result.Runs} runs), maxParallelNodes {result.MaxParallel}: {result.Phase}, {result.Rows} rows"));
        await output.WriteLineAsync(Line($"  operator API requests per node row:   {result.RequestsPerRow,8:0.0}     (target ≤ 12: {(result.RequestsPerRow <= 12 ? "met" : "NOT met")}; {result.OperatorRequests} in all, counted for the operator's identity)"));
        await output.WriteLineAsync(Line($"  operator peak memory (VmHWM):         {result.OperatorPeakMemoryMb,8:0.0} MiB (target ≤ 200 MB: {(result.OperatorPeakMemoryMb <= 200 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"  create to every row done:             {result.AllRowsDone.TotalSeconds,8:0.00} s"));
        await output.WriteLineAsync(Line($"  canned agent alone × {result.Waves} waves:          {result.CannedAgent.TotalSeconds * result.Waves,8:0.00} s   ({result.CannedAgent.TotalSeconds:0.00} s each; the survey takes {result.Overhead:0.0}× that)"));
        await output.WriteLineAsync(Line($"  most agent pods at once (pod watch):  {result.MostPodsAtOnce,8}     (maxParallelNodes {result.MaxParallel})"));
        await output.WriteLineAsync(Line($"  the survey's status at the end:       {result.StatusBytes / 1024.0,8:0.0} KiB ({(double)result.StatusBytes / Math.Max(1, result.Rows):0} bytes per row)"));
        await output.WriteLineAsync("  operator requests by verb and resource:");
        foreach (var ((verb, resource), count) in result.Requests.OrderByDescending(kv => kv.Value))
        {
            await output.WriteLineAsync(Line($"    {verb,-14} {resource,-28} {count,6}  ({(double)count / Math.Max(1, result.Rows):0.00} per row)"));
        }

        return ExitCodes.Success;
    }
}
