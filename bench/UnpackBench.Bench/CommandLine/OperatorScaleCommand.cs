using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.OperatorScale;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>operator-scale</c>: N benchmarks created at once against the API test server; prints the time
/// until every agent pod exists, API requests per benchmark lifecycle and the operator's peak memory.
/// </summary>
internal sealed class OperatorScaleCommand : Command
{
    private readonly Option<int> _benchmarks = new("--benchmarks") { Description = "UnpackBenchmarks created at once", HelpName = "N", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _runs = new("--runs") { Description = "Runs per benchmark (the canned agent reports this many)", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<string> _work = new("--work") { Description = "Work directory (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };

    /// <summary>Creates the command.</summary>
    public OperatorScaleCommand()
        : base("operator-scale", "Create N UnpackBenchmarks at once against the API test server; time the agent pods, count requests, measure the operator's memory")
    {
        Options.Add(_benchmarks);
        Options.Add(_runs);
        Options.Add(_work);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var work = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(parse.GetValue(_work)!, "operator-scale"))).FullName;
        var operatorDll = OperatorLocator.Find();
        var result = await new OperatorScaleRun(operatorDll, work, parse.InvocationConfiguration.Error)
            .RunAsync(parse.GetValue(_benchmarks), parse.GetValue(_runs), cancellationToken);

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{result.Benchmarks} UnpackBenchmarks of {result.Runs} runs each, created at once; 2 test kubelets running a canned agent"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  time until every agent pod exists: {result.AllPodsExist.TotalSeconds,8:0.00} s   (target ≤ 5 s: {(result.AllPodsExist.TotalSeconds <= 5 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  API requests per benchmark lifecycle: {result.RequestsPerLifecycle,8:0.0}     (target ≤ 20: {(result.RequestsPerLifecycle <= 20 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  operator peak memory (VmHWM):       {result.OperatorPeakMemoryMb,8:0.0} MiB (target ≤ 150 MB: {(result.OperatorPeakMemoryMb <= 150 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  all benchmarks Succeeded after:     {result.AllSucceeded.TotalSeconds,8:0.00} s"));
        await output.WriteLineAsync("  operator requests by verb and resource:");
        foreach (var ((verb, resource), count) in result.Requests.OrderByDescending(kv => kv.Value))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {verb,-14} {resource,-28} {count,6}  ({(double)count / result.Benchmarks:0.00} per benchmark)"));
        }

        await output.WriteLineAsync("  not counted above — the test scheduler's and kubelets' own requests:");
        foreach (var ((verb, resource), count) in result.NodeRequests.OrderByDescending(kv => kv.Value))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"    {verb,-14} {resource,-28} {count,6}"));
        }

        return ExitCodes.Success;
    }
}
