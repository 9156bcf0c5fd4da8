using System.CommandLine;
using UnpackBench.Agent.Documents;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Comparison.Formatting;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent compare BASELINE CANDIDATE</c>: the verdict on the candidate's unpack time,
/// the layers that moved and the resources, as text, markdown or JSON. Exits with
/// <see cref="ExitCodes.Regression"/> when the candidate is slower beyond the threshold.
/// </summary>
internal sealed class CompareCommand : IAgentCommand
{
    private static readonly Dictionary<string, Func<ResultComparison, string>> Formats = new(StringComparer.Ordinal)
    {
        ["text"] = ComparisonText.Format,
        ["markdown"] = ComparisonMarkdown.Format,
        ["json"] = c => ComparisonJson.Serialize(c) + "\n",
    };

    private readonly ComparisonArguments _comparison = new();
    private readonly Argument<string> _baseline = new("BASELINE") { Description = "The baseline's result document, or the directory holding it ('-' for standard input)" };
    private readonly Argument<string> _candidate = new("CANDIDATE") { Description = "The candidate's result document, or the directory holding it" };
    private readonly Option<string> _format = new("--format")
    {
        Description = "text for a terminal, markdown for a CI job summary, json for the comparison record",
        DefaultValueFactory = _ => "text",
    };

    /// <summary>Creates the command with its arguments and options.</summary>
    public CompareCommand()
    {
        _format.AcceptOnlyFromAmong([.. Formats.Keys]);
        Definition = new Command("compare", "Compare two benchmarks: is the candidate's unpack slower, faster or the same, and which layer moved?")
        {
            _baseline, _candidate, _comparison.Threshold, _format, _comparison.Force,
        };
    }

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
            var baseline = await ComparisonArguments.ReadAsync(parse.GetValue(_baseline)!, console, cancellationToken);
            var candidate = await ComparisonArguments.ReadAsync(parse.GetValue(_candidate)!, console, cancellationToken);
            var (comparison, exitCode) = await ComparisonArguments.CompareAsync(baseline, candidate, options, console);
            if (comparison is null)
            {
                return exitCode;
            }

            await console.Out.WriteAsync(Formats[parse.GetValue(_format)!](comparison));
            return comparison.IsRegression ? ExitCodes.Regression : ExitCodes.Success;
        }
        catch (DocumentInputException e)
        {
            return await ComparisonArguments.FailAsync(e, console);
        }
    }
}
