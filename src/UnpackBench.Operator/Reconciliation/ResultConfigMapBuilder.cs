using System.Globalization;
using k8s.Models;
using UnpackBench.Core.Results;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>The ConfigMap <c>&lt;name&gt;-result</c> holding the full result document as <c>result.json</c>, owned by the benchmark.</summary>
public static class ResultConfigMapBuilder
{
    /// <summary>The data key of the document.</summary>
    public const string DocumentKey = "result.json";

    /// <summary>Annotation: the benchmark generation the document belongs to.</summary>
    public const string GenerationAnnotation = "unpackbench.io/generation";

    /// <summary>Annotation, <c>"true"</c> when the operator assembled the document because the agent's own did not arrive.</summary>
    public const string PartialAnnotation = "unpackbench.io/partial";

    /// <summary>Builds the ConfigMap for <paramref name="result"/>, shedding series if needed to fit; <paramref name="partial"/> marks an assembled document.</summary>
    public static V1ConfigMap Build(V1Alpha1UnpackBenchmark benchmark, BenchmarkResult result, bool partial = false) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = new V1ObjectMeta
        {
            Name = ObjectNames.ResultConfigMap(benchmark),
            NamespaceProperty = benchmark.Metadata.NamespaceProperty,
            Labels = ObjectNames.OwnedLabels(benchmark),
            Annotations = new Dictionary<string, string>
            {
                [GenerationAnnotation] = (benchmark.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture),
                [PartialAnnotation] = partial ? "true" : "false",
            },
            OwnerReferences = [AgentPodBuilder.OwnerReference(benchmark)],
        },
        Data = new Dictionary<string, string> { [DocumentKey] = ResultDocumentFitter.Fit(result) },
    };

    /// <summary>Whether <paramref name="existing"/> already holds this generation's document.</summary>
    public static bool IsCurrent(V1ConfigMap? existing, V1Alpha1UnpackBenchmark benchmark, V1ConfigMap wanted) =>
        existing?.Metadata?.Annotations is { } annotations
        && annotations.TryGetValue(GenerationAnnotation, out var generation)
        && generation == (benchmark.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture)
        && existing.Data is { } data
        && data.TryGetValue(DocumentKey, out var document)
        && document == wanted.Data[DocumentKey];
}
