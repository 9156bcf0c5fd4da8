using System.Globalization;
using System.Text.Json;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Report.Survey;

/// <summary>
/// Reads the ConfigMaps out of what <c>kubectl get cm -o json</c> prints: a <c>List</c> (or
/// <c>ConfigMapList</c>) of them, or one ConfigMap. Items that are not ConfigMaps are passed over.
/// </summary>
public static class KubectlConfigMapList
{
    /// <summary>The ConfigMaps in <paramref name="json"/>, a Kubernetes object; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="ResultDocumentException">It is not JSON, or a Kubernetes object other than ConfigMaps.</exception>
    public static IReadOnlyList<ListedConfigMap> Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return [.. Items(document.RootElement, source).Select(Read)];
        }
        catch (JsonException e)
        {
            throw new ResultDocumentException($"{source} is not JSON ({e.Message}); {ClusterDocumentReader.SelectionHint}", e);
        }
    }

    private static List<JsonElement> Items(JsonElement root, string source)
    {
        var kind = String(root, "kind");
        if (kind == "ConfigMap")
        {
            return [root];
        }

        if (kind is "List" or "ConfigMapList" && Property(root, "items", JsonValueKind.Array) is { } items)
        {
            // A ConfigMapList's items carry no kind of their own; a List's items each say what they are.
            return [.. items.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object && (String(i, "kind") ?? (kind == "ConfigMapList" ? "ConfigMap" : null)) == "ConfigMap")];
        }

        throw new ResultDocumentException($"{source} is a Kubernetes {kind ?? "object without a kind"}, not a list of ConfigMaps; {ClusterDocumentReader.SelectionHint}");
    }

    private static ListedConfigMap Read(JsonElement item)
    {
        var metadata = Property(item, "metadata");
        var generation = metadata is { } m && Property(m, "annotations") is { } annotations
            && long.TryParse(String(annotations, ResultConfigMapMetadata.GenerationAnnotation), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : (long?)null;
        return new ListedConfigMap(
            metadata is { } named ? String(named, "name") ?? "" : "",
            metadata is { } labelled && Property(labelled, "labels") is { } labels ? String(labels, ResultConfigMapMetadata.BenchmarkLabel) : null,
            generation,
            Property(item, "data") is { } data
                ? data.EnumerateObject().Where(v => v.Value.ValueKind == JsonValueKind.String).ToDictionary(v => v.Name, v => v.Value.GetString()!, StringComparer.Ordinal)
                : new Dictionary<string, string>(StringComparer.Ordinal));
    }

    // The value under name when it is of that kind (kubectl prints objects and arrays where the API has them), else null.
    private static JsonElement? Property(JsonElement element, string name, JsonValueKind kind = JsonValueKind.Object) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == kind ? value : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
