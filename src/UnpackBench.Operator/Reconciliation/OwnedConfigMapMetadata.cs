using System.Globalization;
using k8s.Models;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// The metadata every ConfigMap the operator writes for a benchmark carries: in the benchmark's namespace, owned
/// by it (so deleting the benchmark deletes them), and annotated with the generation it belongs to, which tells a
/// current document from one a re-run is about to replace.
/// </summary>
public static class OwnedConfigMapMetadata
{
    /// <summary>The metadata of <paramref name="name"/>, with <paramref name="labels"/> and, besides the generation, <paramref name="annotations"/>.</summary>
    public static V1ObjectMeta For(V1Alpha1UnpackBenchmark benchmark, string name, IDictionary<string, string> labels, IEnumerable<KeyValuePair<string, string>>? annotations = null)
    {
        var all = new Dictionary<string, string>
        {
            [ResultConfigMapBuilder.GenerationAnnotation] = (benchmark.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture),
        };
        foreach (var (key, value) in annotations ?? [])
        {
            all[key] = value;
        }

        return new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = benchmark.Metadata.NamespaceProperty,
            Labels = labels,
            Annotations = all,
            OwnerReferences = [AgentPodBuilder.OwnerReference(benchmark)],
        };
    }
}
