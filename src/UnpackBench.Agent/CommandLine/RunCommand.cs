using System.CommandLine;
using System.Runtime.InteropServices;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent run</c>: its options are <see cref="AgentRunOptions"/>, the contract the
/// operator's pods use too; it reads them into an <see cref="AgentRunRequest"/>, validates it, and
/// runs the benchmark.
/// </summary>
internal sealed class RunCommand : IAgentCommand
{
    private readonly IReadOnlyList<OptionBinding<AgentRunRequest>> _bindings = AgentRunOptions.All.Select(OptionBinding<AgentRunRequest>.For).ToList();

    /// <summary>Creates the command with all its options.</summary>
    public RunCommand()
    {
        Definition = new Command(AgentCommandLine.RunCommand, "Benchmark how fast containerd unpacks an image: clear, verify, time the unpack, verify — N times");
        foreach (var binding in _bindings)
        {
            Definition.Options.Add(binding.Option);
        }
    }

    /// <inheritdoc />
    public Command Definition { get; }

    /// <summary>The request as parsed, before validation.</summary>
    public AgentRunRequest Read(ParseResult parse) => _bindings.Aggregate(new AgentRunRequest(), (request, binding) => binding.Read(parse, request));

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        var request = Read(parse);
        var (settings, problems) = RunRequestValidator.Validate(
            request, console.Environment, console.WorkingDirectory, Platform.ForLinux(RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is not null)
        {
            return await BenchmarkExecution.RunAsync(settings, console, cancellationToken);
        }

        // The operator reading the log or the termination message learns why too.
        var json = string.Equals(request.LogFormat, AgentCommandLine.JsonLogFormat, StringComparison.OrdinalIgnoreCase) ? new JsonLinesReporter(console.Out, TimeProvider.System) : null;
        var terminationPath = request.TerminationMessagePath is null ? null : Path.GetFullPath(request.TerminationMessagePath, console.WorkingDirectory);
        return await new VerdictWriter(console.Error, json, terminationPath).WriteAsync(AgentVerdict.Invalid(problems));
    }
}
