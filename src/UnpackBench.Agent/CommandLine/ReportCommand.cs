using System.CommandLine;
using UnpackBench.Agent.Documents;
using UnpackBench.Report;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent report RESULT [--baseline BASE] -o report.html</c>: one self-contained HTML
/// page of a benchmark, with its comparison when a baseline is given.
/// </summary>
internal sealed class ReportCommand : IAgentCommand
{
    private readonly ComparisonArguments _comparison = new();
    private readonly Argument<string> _result = new("RESULT") { Description = "The result document, or the directory holding it ('-' for standard input)" };
    private readonly Option<string?> _baseline = new("--baseline") { Description = "A baseline result document (or its directory) to compare with", HelpName = "BASE" };
    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Where to write the page ('-' for standard output)",
        HelpName = "FILE",
        DefaultValueFactory = _ => "report.html",
    };

    /// <summary>Creates the command with its arguments and options.</summary>
    public ReportCommand() =>
        Definition = new Command("report", "Render a benchmark as one self-contained HTML page, compared with a baseline when given")
        {
            _result, _baseline, _comparison.Threshold, _comparison.Force, _output,
        };

    /// <inheritdoc />
    public Command Definition { get; }

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        var (options, problem) = _comparison.Read(parse);
        if (options is null)
        {
            await console.Error.WriteLineAsync($"error: {problem}");
            return ExitCodes.Usage;
        }

        try
        {
            var result = await ComparisonArguments.ReadAsync(parse.GetValue(_result)!, console, cancellationToken);
            var input = new ReportInput(result);
            if (parse.GetValue(_baseline) is { } baselineArgument)
            {
                var baseline = await ComparisonArguments.ReadAsync(baselineArgument, console, cancellationToken);
                var (comparison, exitCode) = await ComparisonArguments.CompareAsync(baseline, result, options, console);
                if (comparison is null)
                {
                    return exitCode;
                }

                input = new ReportInput(result, baseline, comparison);
            }

            var written = await ReportOutput.WriteAsync(ReportRenderer.Render(input), parse.GetValue(_output)!, console.WorkingDirectory, console.Out, cancellationToken);
            if (written is not null)
            {
                await console.Error.WriteLineAsync($"Report written to {written}");
            }

            return ExitCodes.Success;
        }
        catch (DocumentInputException e)
        {
            return await ComparisonArguments.FailAsync(e, console);
        }
        catch (ReportException e)
        {
            await console.Error.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Failed;
        }
    }
}
