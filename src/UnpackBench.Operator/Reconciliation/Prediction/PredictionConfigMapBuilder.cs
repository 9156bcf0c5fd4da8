using System.Text;
using k8s.Models;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>
/// The ConfigMap <c>&lt;name&gt;-result</c> of a finished prediction: the image's counted features and the
/// <see cref="PredictionIndex"/> with every node's full prediction, owned by the benchmark. When many nodes with
/// many layers would not fit, the per-layer predictions are left out (and the index says so); rows and totals stay.
/// </summary>
public static class PredictionConfigMapBuilder
{
    /// <summary>Builds the ConfigMap of <paramref name="benchmark"/>'s prediction as <paramref name="status"/> describes it.</summary>
    public static V1ConfigMap Build(V1Alpha1UnpackBenchmark benchmark, UnpackBenchmarkStatus status, ImageFeatures features, IReadOnlyDictionary<string, PredictionDocument> predictions, int maxBytes = ResultDocumentFitter.DefaultMaxBytes)
    {
        var featuresJson = PredictionJson.Serialize(features);
        var index = new PredictionIndex
        {
            Benchmark = benchmark.Metadata.Name,
            Generation = benchmark.Metadata.Generation ?? 0,
            Image = benchmark.Spec.Image,
            Phase = status.Phase,
            Summary = status.Survey ?? new SurveyStatus(),
            Rows = status.Predictions ?? [],
            Predictions = predictions,
        };
        var json = PredictionIndex.Serialize(index);
        if (Encoding.UTF8.GetByteCount(json) + Encoding.UTF8.GetByteCount(featuresJson) > maxBytes)
        {
            json = PredictionIndex.Serialize(index with { Predictions = predictions.ToDictionary(p => p.Key, p => p.Value with { Layers = [] }), LayersLeftOut = true });
        }

        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = OwnedConfigMapMetadata.For(benchmark, ObjectNames.ResultConfigMap(benchmark), ObjectNames.OwnedLabels(benchmark)),
            Data = new Dictionary<string, string> { [PredictionIndex.FeaturesKey] = featuresJson, [PredictionIndex.DataKey] = json },
        };
    }
}
