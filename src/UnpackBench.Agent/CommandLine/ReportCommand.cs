using System.CommandLine;
using UnpackBench.Agent.Documents;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Report;
using UnpackBench.Report.Survey;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent report RESULT [--baseline BASE] -o report.html</c>: one self-contained HTML
/// page of a benchmark, with its comparison when a baseline is given, or of a survey, comparing its nodes.
/// </summary>
internal sealed class ReportCommand : IAgentCommand
{
    private readonly ComparisonArguments _comparison = new();
    private readonly Argument<string> _result = new("RESULT")
    {
        Description = $"The result document, or the directory holding it, or a benchmark's ConfigMaps as '{ClusterDocumentReader.Selection}' prints them (a survey's report compares its nodes); '-' for standard input",
    };
    private readonly Option<string?> _baseline = new("--baseline") { Description = "A baseline result document (or its directory) to compare with", HelpName = "BASE" };
    private readonly Option<string> _output = new("--output", "-o")
    {
        Description = "Where to write the page ('-' for standard output)",
        HelpName = "FILE",
        DefaultValueFactory = _ => "report.html",
    };

    /// <summary>Creates the command with its arguments and options.</summary>
    public ReportCommand() =>
        Definition = new Command(ReportCommandName.Value, "Render a benchmark as one self-contained HTML page, compared with a baseline when given, or a survey comparing its nodes")
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
            var (html, exitCode) = await PageAsync(parse, options, console, cancellationToken);
            if (html is null)
            {
                return exitCode;
            }

            var written = await ReportOutput.WriteAsync(html, parse.GetValue(_output)!, console.WorkingDirectory, console.Out, cancellationToken);
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

    // The page of a survey, or of a document (with its comparison when --baseline is given); null and the exit code when refused.
    private async Task<(string? Html, int ExitCode)> PageAsync(ParseResult parse, ComparisonOptions options, AgentConsole console, CancellationToken cancellationToken)
    {
        var (result, survey) = await ReportDocumentInput.ReadAsync(parse.GetValue(_result)!, console.WorkingDirectory, Console.In, cancellationToken);
        var baselineArgument = parse.GetValue(_baseline);
        if (survey is not null)
        {
            if (baselineArgument is null)
            {
                return (SurveyReportRenderer.Render(survey), ExitCodes.Success);
            }

            await console.Error.WriteLineAsync("error: --baseline compares two result documents, but RESULT is a survey, whose report compares its nodes; compare one node's document (its ConfigMap's result.json) with 'compare' or 'report --baseline'");
            return (null, ExitCodes.Usage);
        }

        if (baselineArgument is null)
        {
            return (ReportRenderer.Render(new ReportInput(result!)), ExitCodes.Success);
        }

        var baseline = await ComparisonArguments.ReadAsync(baselineArgument, console, cancellationToken);
        var (comparison, exitCode) = await ComparisonArguments.CompareAsync(baseline, result!, options, console);
        return comparison is null ? (null, exitCode) : (ReportRenderer.Render(new ReportInput(result!, baseline, comparison)), ExitCodes.Success);
    }
}
