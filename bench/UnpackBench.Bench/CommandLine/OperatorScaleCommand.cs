using System.CommandLine;
using System.Globalization;
using UnpackBench.Bench.OperatorScale;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// <c>operator-scale</c>: N benchmarks created at once against the API test server, with pod logs available
/// and (as where the API server cannot reach the kubelets) unavailable; prints for each the time until every
/// agent pod exists, the operator's API requests per benchmark lifecycle and its peak memory.
/// </summary>
internal sealed class OperatorScaleCommand : Command
{
    private const string Available = "available";
    private const string Unavailable = "unavailable";
    private const string Both = "both";

    private readonly Option<int> _benchmarks = new("--benchmarks") { Description = "UnpackBenchmarks created at once", HelpName = "N", DefaultValueFactory = _ => 100 };
    private readonly Option<int> _runs = new("--runs") { Description = "Runs per benchmark (the canned agent reports this many)", HelpName = "N", DefaultValueFactory = _ => 5 };
    private readonly Option<string> _logs = new("--logs") { Description = "Whether pod logs can be read: available, unavailable (the API server cannot dial the kubelets), or both, one after the other", HelpName = "MODE", DefaultValueFactory = _ => Both };
    private readonly Option<string> _work = new("--work") { Description = "Work directory (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };

    /// <summary>Creates the command.</summary>
    public OperatorScaleCommand()
        : base("operator-scale", "Create N UnpackBenchmarks at once against the API test server, with pod logs available and unavailable; time the agent pods, count the operator's requests, measure its memory")
    {
        _logs.AcceptOnlyFromAmong(Available, Unavailable, Both);
        Options.Add(_benchmarks);
        Options.Add(_runs);
        Options.Add(_logs);
        Options.Add(_work);
        SetAction(RunAsync);
    }

    private async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var work = Directory.CreateDirectory(Path.GetFullPath(Path.Combine(parse.GetValue(_work)!, "operator-scale"))).FullName;
        var operatorDll = OperatorLocator.Find();
        var logs = parse.GetValue(_logs)!;
        IReadOnlyList<bool> modes = logs switch { Available => [true], Unavailable => [false], _ => [true, false] };
        foreach (var logsAvailable in modes)
        {
            var mode = logsAvailable ? "logs-available" : "logs-unavailable";
            var result = await new OperatorScaleRun(operatorDll, Path.Combine(work, mode), parse.InvocationConfiguration.Error)
                .RunAsync(parse.GetValue(_benchmarks), parse.GetValue(_runs), logsAvailable, cancellationToken);
            await PrintAsync(output, result);
        }

        return ExitCodes.Success;
    }

    private static async Task PrintAsync(TextWriter output, OperatorScaleResult result)
    {
        string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
        var perLifecycle = result.RequestsPerLifecycle;
        await output.WriteLineAsync(Line($"{result.Benchmarks} UnpackBenchmarks of {result.Runs} runs each, created at once; 2 test kubelets running a canned agent; pod logs {(result.LogsAvailable ? "available" : "unavailable (every read fails as where the API server cannot dial the kubelets)")}"));
        await output.WriteLineAsync(Line($"  time until every agent pod exists: {result.AllPodsExist.TotalSeconds,8:0.00} s   (target ≤ 5 s: {(result.AllPodsExist.TotalSeconds <= 5 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"  operator requests per lifecycle:    {perLifecycle,8:0.0}     (target ≤ {result.RequestTarget}: {(perLifecycle <= result.RequestTarget ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"  operator peak memory (VmHWM):       {result.OperatorPeakMemoryMb,8:0.0} MiB (target ≤ 150 MB: {(result.OperatorPeakMemoryMb <= 150 ? "met" : "NOT met")})"));
        await output.WriteLineAsync(Line($"  all benchmarks Succeeded after:     {result.AllSucceeded.TotalSeconds,8:0.00} s"));
        await output.WriteLineAsync(Line($"  the operator's requests ({ClusterIdentities.Operator.UserName}) by verb and resource:"));
        foreach (var ((verb, resource), count) in result.Requests.OrderByDescending(kv => kv.Value))
        {
            await output.WriteLineAsync(Line($"    {verb,-14} {resource,-28} {count,6}  ({(double)count / result.Benchmarks:0.00} per benchmark)"));
        }

        await output.WriteLineAsync("  not counted above — the other clients' requests:");
        foreach (var (user, count) in result.OtherClients.OrderByDescending(kv => kv.Value))
        {
            await output.WriteLineAsync(Line($"    {user,-43} {count,6}"));
        }
    }
}
