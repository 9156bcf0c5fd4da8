using System.Globalization;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>The ConfigMap <c>&lt;name&gt;-result</c> holding the full result document as <c>result.json</c>, owned by the benchmark.</summary>
public static class ResultConfigMapBuilder
{
    /// <summary>The data key of the document.</summary>
    public const string DocumentKey = ResultDataKeys.Document;

    /// <summary>Annotation: the benchmark generation the document belongs to.</summary>
    public const string GenerationAnnotation = ResultConfigMapMetadata.GenerationAnnotation;

    /// <summary>Annotation, <c>"true"</c> when the operator assembled the document because the agent's own did not arrive.</summary>
    public const string PartialAnnotation = "unpackbench.io/partial";

    /// <summary>
    /// Builds the ConfigMap for <paramref name="result"/> in <paramref name="slot"/>'s ConfigMap (by default
    /// <c>&lt;name&gt;-result</c>), shedding series if needed to fit; <paramref name="partial"/> marks an assembled document.
    /// </summary>
    public static V1ConfigMap Build(V1Alpha1UnpackBenchmark benchmark, BenchmarkResult result, bool partial = false, AgentSlot? slot = null) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = OwnedConfigMapMetadata.For(
            benchmark,
            (slot ?? AgentSlot.OneNode).ResultConfigMapName(benchmark),
            Labels(benchmark, slot),
            [new(PartialAnnotation, partial ? "true" : "false")]),
        Data = new Dictionary<string, string> { [DocumentKey] = ResultDocumentFitter.Fit(result) },
    };

    private static Dictionary<string, string> Labels(V1Alpha1UnpackBenchmark benchmark, AgentSlot? slot)
    {
        var labels = ObjectNames.OwnedLabels(benchmark);
        if (slot?.Node is { } node)
        {
            labels[ObjectNames.NodeLabel] = ObjectNames.NodeLabelValue(node);
        }

        return labels;
    }

    /// <summary>The generation whose document <paramref name="configMap"/> holds, if it says.</summary>
    public static long? GenerationOf(V1ConfigMap configMap) =>
        configMap.Metadata?.Annotations is { } annotations && annotations.TryGetValue(GenerationAnnotation, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var generation) ? generation : null;

    /// <summary>Whether <paramref name="existing"/> already holds this generation's <paramref name="wanted"/> data.</summary>
    public static bool IsCurrent(V1ConfigMap? existing, V1Alpha1UnpackBenchmark benchmark, V1ConfigMap wanted) =>
        existing is not null
        && GenerationOf(existing) == (benchmark.Metadata.Generation ?? 0)
        && existing.Data is { } data
        && data.Count == wanted.Data.Count
        && wanted.Data.All(pair => data.TryGetValue(pair.Key, out var value) && value == pair.Value);
}
