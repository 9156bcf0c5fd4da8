using k8s.Models;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation.Calibration;

/// <summary>
/// A node's calibration in the ConfigMap <c>&lt;name&gt;-calibration-&lt;node&gt;</c>: the agent's document as
/// <c>calibration.json</c>, labelled with the node and as a calibration (so predictions in the namespace find
/// it), annotated with the node's full name and the container runtime its Node reported when it was
/// calibrated (so a prediction can tell the node changed since), owned by the calibrating benchmark.
/// </summary>
public static class CalibrationConfigMapBuilder
{
    /// <summary>The data key of the calibration document.</summary>
    public const string DocumentKey = "calibration.json";

    /// <summary>Label: what document a ConfigMap holds; calibrations carry <see cref="CalibrationDocumentValue"/>.</summary>
    public const string DocumentLabel = "unpackbench.io/document";

    /// <summary>The value of <see cref="DocumentLabel"/> on calibrations.</summary>
    public const string CalibrationDocumentValue = "calibration";

    /// <summary>Annotation: the calibrated node's full name (the node label is shortened to 63 characters).</summary>
    public const string NodeAnnotation = "unpackbench.io/node-name";

    /// <summary>Annotation: the container runtime the Node reported when it was calibrated (e.g. <c>containerd://1.7.2</c>).</summary>
    public const string NodeRuntimeAnnotation = "unpackbench.io/node-runtime";

    /// <summary>The ConfigMap holding <paramref name="calibration"/> of <paramref name="node"/>, which the Node described as <paramref name="facts"/>.</summary>
    public static V1ConfigMap Build(V1Alpha1UnpackBenchmark benchmark, string node, CalibrationDocument calibration, NodeFacts facts)
    {
        var labels = ObjectNames.OwnedLabels(benchmark);
        labels[ObjectNames.NodeLabel] = ObjectNames.NodeLabelValue(node);
        labels[DocumentLabel] = CalibrationDocumentValue;
        var annotations = new Dictionary<string, string> { [NodeAnnotation] = node };
        if (facts.ContainerdVersion is { } runtime)
        {
            annotations[NodeRuntimeAnnotation] = runtime;
        }

        return new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = OwnedConfigMapMetadata.For(benchmark, ObjectNames.NodeCalibrationConfigMap(benchmark, node), labels, annotations),
            // The agent wrote it within PredictionJson's limit, which a ConfigMap holds.
            Data = new Dictionary<string, string> { [DocumentKey] = PredictionJson.Serialize(calibration) },
        };
    }
}
