using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Survey;

/// <summary>What a survey's report shows: its index and the node documents given, by the name of the ConfigMap that held each.</summary>
/// <param name="Index">The survey's index (<c>index.json</c> of <c>&lt;name&gt;-result</c>).</param>
/// <param name="Documents">Each node's result document, by its ConfigMap's name (<c>&lt;name&gt;-result-&lt;node&gt;</c>).</param>
public sealed record SurveyReportInput(SurveyIndex Index, IReadOnlyDictionary<string, BenchmarkResult> Documents)
{
    /// <summary>Every row of the index with its node's document, when given.</summary>
    public IReadOnlyList<SurveyRow> Rows { get; } =
        [.. Index.Rows.Select(r => new SurveyRow(r, r.ResultConfigMap is { } name ? Documents.GetValueOrDefault(name) : null))];

    /// <summary>The succeeded rows with a median, fastest first.</summary>
    public IReadOnlyList<SurveyRow> Timed => [.. Rows.Where(r => r.Succeeded && r.Median is not null).OrderBy(r => r.Median)];
}
