using System.CommandLine;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent report</c> in a build without the report renderer (UnpackBenchReport=false, as
/// the container image is published): refuses, whatever its arguments, and says where to render the
/// page instead. The image leaves the renderer out so its plotting libraries stay out of the
/// operator's image.
/// </summary>
internal sealed class ReportUnavailableCommand : IAgentCommand
{
    private const string Project = "src/UnpackBench.Agent";

    // What a user is told instead of a report: why there is none, and the commands that make one.
    private static readonly string[] Explanation =
    [
        $"error: this {AgentCommandLine.Executable} is built without the HTML report: the container image leaves the report renderer out to keep plotting libraries (ScottPlot, SkiaSharp) out of the operator's image.",
        "Render the report with a build of the project outside the image, from a checkout of the repository:",
        $"  dotnet run --project {Project} -c Release -- {ReportCommandName.Value} RESULT.json -o report.html",
        "A benchmark's result in the cluster is in its ConfigMap NAME-result; copy it out and render it in one line:",
        $"  kubectl get cm NAME-result -o jsonpath='{{.data.result\\.json}}' | dotnet run --project {Project} -c Release -- {ReportCommandName.Value} - -o NAME.html",
    ];

    private readonly Argument<string[]> _arguments = new("ARGUMENTS")
    {
        Description = "Ignored: this build cannot render a report",
        Arity = ArgumentArity.ZeroOrMore,
    };

    /// <summary>Creates the command; it accepts any arguments, so that every use gets the same answer.</summary>
    public ReportUnavailableCommand() =>
        Definition = new Command(ReportCommandName.Value, "Not in this build (the container image): render reports with a build of the project outside the image")
        {
            _arguments,
        };

    /// <inheritdoc />
    public Command Definition { get; }

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        foreach (var line in Explanation)
        {
            await console.Error.WriteLineAsync(line);
        }

        return ExitCodes.Usage;
    }
}
