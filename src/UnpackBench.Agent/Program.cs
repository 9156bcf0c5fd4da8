using System.Runtime.InteropServices;
using UnpackBench.Agent.CommandLine;

// SIGINT and SIGTERM (and SIGQUIT, and SIGHUP when the terminal goes away) cancel the benchmark
// instead of killing the process, so the private containerd — in a session of its own, which a
// terminal's signals do not reach — is stopped and completed runs are written before the agent exits.
using var interrupt = new CancellationTokenSource();
void Cancel(PosixSignalContext context)
{
    context.Cancel = true;
    interrupt.Cancel();
}

using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
using var sigquit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, Cancel);
using var sighup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, Cancel);

return await AgentApplication.RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, interrupt.Token);
