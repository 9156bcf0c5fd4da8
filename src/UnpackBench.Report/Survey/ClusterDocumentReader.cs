using System.Text.Json;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Report.Survey;

/// <summary>
/// Reads a benchmark's ConfigMaps as <c>kubectl get cm -l unpackbench.io/benchmark=NAME -o json</c> prints
/// them: a finished survey's index (<c>index.json</c>) with its nodes' documents (<c>result.json</c>), or a
/// benchmark on one node's single document. ConfigMaps holding neither are passed over; the results of
/// more than one benchmark are refused, as a report is of one.
/// </summary>
public static class ClusterDocumentReader
{
    /// <summary>The command that prints one benchmark's ConfigMaps, as errors suggest it.</summary>
    public const string Selection = $"kubectl get cm -l {ResultConfigMapMetadata.BenchmarkLabel}=NAME -o json";

    /// <summary>What to do instead, ending the errors for input that is not one benchmark's ConfigMaps.</summary>
    public const string SelectionHint = $"select one benchmark's ConfigMaps: {Selection}";

    /// <summary>Whether <paramref name="json"/> is a Kubernetes object (it has <c>kind</c> and <c>apiVersion</c>) rather than a result document.</summary>
    public static bool IsKubernetesObject(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("kind", out _) && document.RootElement.TryGetProperty("apiVersion", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The survey, or the single document, in <paramref name="json"/>; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ResultDocumentException">
    /// It holds the results of no benchmark or of several, a survey's documents without its index, or a document or index that cannot be read.
    /// </exception>
    public static (SurveyReportInput? Survey, BenchmarkResult? Single) Read(string json, string source)
    {
        var results = KubectlConfigMapList.Parse(json, source)
            .Where(c => c.Data.ContainsKey(SurveyIndex.DataKey) || c.Data.ContainsKey(ResultDataKeys.Document)).ToList();
        CheckOneBenchmark(results, source);
        var indexes = results.Where(c => c.Data.ContainsKey(SurveyIndex.DataKey)).ToList();
        var documents = results.Where(c => c.Data.ContainsKey(ResultDataKeys.Document)).ToList();
        switch (indexes.Count, documents.Count)
        {
            case ( > 1, _):
                throw new ResultDocumentException($"{source} holds the indexes of {indexes.Count} surveys ({Names(indexes)}); {SelectionHint}");
            case (1, _):
                return (SurveyIndexReader.Read(indexes[0], documents), null);
            case (0, 1):
                return (null, ResultDocumentParser.Parse(documents[0].Data[ResultDataKeys.Document], $"ConfigMap {documents[0].Name}"));
            case (0, 0):
                throw new ResultDocumentException($"{source} holds no UnpackBench result (no ConfigMap with {ResultDataKeys.Document} or {SurveyIndex.DataKey}); {SelectionHint}. A survey's index is written once it has finished");
            default:
                throw new ResultDocumentException(
                    $"{source} holds {documents.Count} result documents ({Names(documents)}) but no survey index: a survey's index is written once it has finished. " +
                    $"Report one node's document (kubectl get cm NAME-result-NODE -o jsonpath='{{.data.result\\.json}}'), or the survey once it has finished");
        }
    }

    private static void CheckOneBenchmark(IReadOnlyList<ListedConfigMap> results, string source)
    {
        var benchmarks = results.Select(c => c.Benchmark).Distinct(StringComparer.Ordinal).ToList();
        if (benchmarks.Count <= 1)
        {
            return;
        }

        var unlabelled = results.Where(c => c.Benchmark is null).ToList();
        var named = string.Join(", ", benchmarks.OfType<string>().Order(StringComparer.Ordinal));
        var others = unlabelled.Count == 0 ? "" : $"{(named.Length > 0 ? ", and " : "")}{Names(unlabelled)}, not labelled {ResultConfigMapMetadata.BenchmarkLabel}";
        throw new ResultDocumentException($"{source} holds the results of more than one benchmark ({named}{others}); a report is of one benchmark: {SelectionHint}");
    }

    private static string Names(IEnumerable<ListedConfigMap> configMaps) => string.Join(", ", configMaps.Select(c => c.Name));
}
