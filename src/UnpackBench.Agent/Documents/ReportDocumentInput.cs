using System.Text.Json;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Results;
using UnpackBench.Report.Survey;

namespace UnpackBench.Agent.Documents;

/// <summary>
/// Reads what <c>report</c> is given: a result document, or a benchmark's ConfigMaps as <c>kubectl get cm
/// -o json</c> prints them — a survey's index with its nodes' documents, or one benchmark's document.
/// </summary>
internal static class ReportDocumentInput
{
    /// <summary>The document, or the survey, <paramref name="argument"/> names; exactly one of the two is set.</summary>
    /// <exception cref="DocumentInputException">It does not exist, cannot be read, or holds neither.</exception>
    public static async Task<(BenchmarkResult? Result, SurveyReportInput? Survey)> ReadAsync(string argument, string workingDirectory, TextReader standardInput, CancellationToken cancellationToken)
    {
        var (text, name) = await ResultDocumentInput.ReadTextAsync(argument, workingDirectory, standardInput, cancellationToken);
        CheckJson(text, name);
        try
        {
            if (!ClusterDocumentReader.IsKubernetesObject(text))
            {
                return (ResultDocumentParser.Parse(text, name), null);
            }

            var (survey, single) = ClusterDocumentReader.Read(text, name);
            return (single, survey);
        }
        catch (ResultDocumentException e)
        {
            throw new DocumentInputException(e.Message);
        }
    }

    // Text that is not JSON at all is neither input; say both, as a cut-off kubectl listing lands here too.
    private static void CheckJson(string text, string name)
    {
        try
        {
            using var _ = JsonDocument.Parse(text);
        }
        catch (JsonException e)
        {
            throw new DocumentInputException(
                $"{name} is not JSON ({e.Message}); expected a result document (benchmark_*.json) written by unpackbench-agent, or a benchmark's ConfigMaps: {ClusterDocumentReader.Selection}");
        }
    }
}
