using System.CommandLine;
using System.Runtime.InteropServices;
using UnpackBench.Bench.CommandLine;
using UnpackBench.Testing;

// Ctrl+C and SIGTERM cancel the benchmark instead of killing it, so the agent is stopped first, then containerd.
using var interrupt = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupt.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);

var root = new RootCommand("unpackbench-bench: benchmarks that print ratios measured side by side in one run")
{
    new SampleImageCommand(),
    new UnpackVsCtrCommand(),
    new SamplerOverheadCommand(),
    new OperatorScaleCommand(),
    new SurveyScaleCommand(),
    new VariantsCommand(),
    new ConcurrencyCommand(),
    new FloorVsCtrCommand(),
    new PredictAccuracyCommand(),
};
var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}");
    }

    return ExitCodes.Usage;
}

try
{
    return await parse.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null, EnableDefaultExceptionHandler = false }, interrupt.Token);
}
catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
{
    await Console.Error.WriteLineAsync("interrupted; containerd was stopped");
    return ExitCodes.Interrupted;
}
catch (MissingPrerequisiteException e)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return ExitCodes.Failed;
}
catch (Exception e) when (e is InvalidOperationException or IOException or TimeoutException or UnauthorizedAccessException)
{
    await Console.Error.WriteLineAsync($"error: {e.Message}");
    return ExitCodes.Failed;
}
