using k8s.Models;
using UnpackBench.Core.Prediction;
using UnpackBench.Operator.Reconciliation.Calibration;

namespace UnpackBench.Operator.Reconciliation.Prediction;

/// <summary>A node's calibration as a prediction finds it.</summary>
/// <param name="Node">The calibrated node.</param>
/// <param name="ConfigMap">The ConfigMap holding it.</param>
/// <param name="Document">The calibration.</param>
/// <param name="NodeRuntime">The container runtime the Node reported when it was calibrated, if recorded.</param>
public sealed record NodeCalibration(string Node, string ConfigMap, CalibrationDocument Document, string? NodeRuntime);

/// <summary>
/// The calibrations of a namespace, by node, read from the ConfigMaps that calibrating benchmarks wrote
/// (<see cref="CalibrationConfigMapBuilder"/>). A node calibrated more than once predicts from its newest
/// calibration of the snapshotter asked for, else from its newest of any. A document that cannot be read is
/// remembered with why, so a node with nothing else says so instead of "not calibrated".
/// </summary>
public sealed class CalibrationCatalog
{
    private readonly Dictionary<string, List<NodeCalibration>> _byNode;
    private readonly Dictionary<string, string> _unreadable;

    private CalibrationCatalog(Dictionary<string, List<NodeCalibration>> byNode, Dictionary<string, string> unreadable)
    {
        _byNode = byNode;
        _unreadable = unreadable;
    }

    /// <summary>Reads the calibrations among <paramref name="configMaps"/> (others are ignored).</summary>
    public static CalibrationCatalog Read(IEnumerable<V1ConfigMap> configMaps)
    {
        var byNode = new Dictionary<string, List<NodeCalibration>>(StringComparer.Ordinal);
        var unreadable = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var configMap in configMaps.Where(IsCalibration))
        {
            var annotations = configMap.Metadata.Annotations ?? new Dictionary<string, string>();
            if (!annotations.TryGetValue(CalibrationConfigMapBuilder.NodeAnnotation, out var node))
            {
                continue;
            }

            var name = configMap.Metadata.Name;
            try
            {
                var json = configMap.Data?.TryGetValue(CalibrationConfigMapBuilder.DocumentKey, out var text) == true ? text : "";
                var document = PredictionJson.ReadCalibration(json, $"ConfigMap {name}");
                var runtime = annotations.TryGetValue(CalibrationConfigMapBuilder.NodeRuntimeAnnotation, out var value) ? value : null;
                (byNode.TryGetValue(node, out var list) ? list : byNode[node] = []).Add(new NodeCalibration(node, name, document, runtime));
            }
            catch (PredictionDocumentException e)
            {
                unreadable[node] = e.Message;
            }
        }

        return new CalibrationCatalog(byNode, unreadable);
    }

    /// <summary>Whether <paramref name="configMap"/> holds a calibration.</summary>
    public static bool IsCalibration(V1ConfigMap configMap) =>
        configMap.Metadata?.Labels?.TryGetValue(CalibrationConfigMapBuilder.DocumentLabel, out var kind) == true && kind == CalibrationConfigMapBuilder.CalibrationDocumentValue;

    /// <summary>The calibration to predict <paramref name="node"/> from, preferring <paramref name="snapshotter"/>'s; null when it has none.</summary>
    public NodeCalibration? For(string node, string snapshotter) => _byNode.TryGetValue(node, out var calibrations)
        ? calibrations
            .OrderByDescending(c => c.Document.Conditions.Snapshotter == snapshotter)
            .ThenByDescending(c => c.Document.CreatedAt)
            .ThenBy(c => c.ConfigMap, StringComparer.Ordinal)
            .First()
        : null;

    /// <summary>Why <paramref name="node"/>'s calibration could not be read, when it has one that could not.</summary>
    public string? Unreadable(string node) => _unreadable.GetValueOrDefault(node);
}
