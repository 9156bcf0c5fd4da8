using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Survey;

/// <summary>The ConfigMap <c>&lt;name&gt;-result</c> of a finished survey: its <see cref="SurveyIndex"/>, owned by the benchmark.</summary>
public static class SurveyIndexBuilder
{
    /// <summary>Builds the index ConfigMap of <paramref name="benchmark"/>'s survey as <paramref name="status"/> describes it.</summary>
    public static V1ConfigMap Build(V1Alpha1UnpackBenchmark benchmark, UnpackBenchmarkStatus status) => new()
    {
        ApiVersion = "v1",
        Kind = "ConfigMap",
        Metadata = OwnedConfigMapMetadata.For(benchmark, ObjectNames.ResultConfigMap(benchmark), ObjectNames.OwnedLabels(benchmark)),
        Data = new Dictionary<string, string>
        {
            [SurveyIndex.DataKey] = SurveyIndex.Serialize(new SurveyIndex
            {
                Benchmark = benchmark.Metadata.Name,
                Generation = benchmark.Metadata.Generation ?? 0,
                Image = benchmark.Spec.Image,
                Phase = status.Phase,
                StartTime = status.StartTime,
                CompletionTime = status.CompletionTime,
                Summary = status.Survey ?? new SurveyStatus(),
                Rows = status.Nodes,
            }),
        },
    };
}
