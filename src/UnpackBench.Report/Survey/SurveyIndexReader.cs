using System.Text.Json;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Report.Survey;

/// <summary>
/// A survey's index ConfigMap with the node documents its rows name. A document of another generation
/// than the index (a survey restarted by a spec change replaces its nodes' ConfigMaps before it writes its new index)
/// is left out, so no run of one generation is shown with another's rows.
/// </summary>
public static class SurveyIndexReader
{
    /// <summary>The survey <paramref name="index"/> describes, with those of <paramref name="documents"/> its rows name.</summary>
    /// <exception cref="ResultDocumentException">The index, or a document it names, cannot be read.</exception>
    public static SurveyReportInput Read(ListedConfigMap index, IEnumerable<ListedConfigMap> documents)
    {
        var survey = Index(index);
        var named = survey.Rows.Select(r => r.ResultConfigMap).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var given = documents
            .Where(d => named.Contains(d.Name) && (d.Generation ?? survey.Generation) == survey.Generation)
            .ToDictionary(d => d.Name, d => ResultDocumentParser.Parse(d.Data[ResultDataKeys.Document], $"ConfigMap {d.Name}"), StringComparer.Ordinal);
        return new SurveyReportInput(survey, given);
    }

    private static SurveyIndex Index(ListedConfigMap index)
    {
        SurveyIndex survey;
        try
        {
            survey = SurveyIndex.Deserialize(index.Data[SurveyIndex.DataKey]);
        }
        catch (JsonException e)
        {
            throw new ResultDocumentException($"ConfigMap {index.Name}'s {SurveyIndex.DataKey} is not a survey index: {e.Message}", e);
        }

        if (survey.SchemaVersion > SurveyIndex.CurrentSchemaVersion)
        {
            throw new ResultDocumentException(
                $"ConfigMap {index.Name}'s {SurveyIndex.DataKey} has schema_version {survey.SchemaVersion}, newer than this version reads ({SurveyIndex.CurrentSchemaVersion}); use a newer unpackbench-agent");
        }

        return survey;
    }
}
