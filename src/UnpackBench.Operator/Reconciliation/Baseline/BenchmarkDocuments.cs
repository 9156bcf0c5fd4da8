using k8s.Models;
using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// The documents behind a benchmark's succeeded status rows, one per node × snapshotter: of a benchmark on
/// one node its <c>&lt;name&gt;-result</c>, of a survey each node's <c>&lt;name&gt;-result-&lt;node&gt;</c>. Only
/// ConfigMaps of the generation the status describes count; each is parsed once.
/// </summary>
public static class BenchmarkDocuments
{
    /// <summary>The row documents of <paramref name="status"/>; <paramref name="configMap"/> finds a ConfigMap by name.</summary>
    /// <exception cref="ResultDocumentException">A ConfigMap holds something that is not a result document.</exception>
    public static IReadOnlyList<RowDocument> Of(UnpackBenchmarkStatus status, Func<string, V1ConfigMap?> configMap)
    {
        var rows = new List<RowDocument>();
        foreach (var group in status.Nodes.Where(r => r.Phase == BenchmarkPhase.Succeeded && r.ResultConfigMap is not null && r.Snapshotter is not null).GroupBy(r => r.ResultConfigMap!))
        {
            if (configMap(group.Key) is not { } found || ResultConfigMapBuilder.GenerationOf(found) != status.ObservedGeneration
                || found.Data?.TryGetValue(ResultConfigMapBuilder.DocumentKey, out var json) != true)
            {
                continue;
            }

            var document = ResultDocumentParser.Parse(json!, $"ConfigMap {group.Key}");
            var partial = IsPartial(found);
            rows.AddRange(group
                .Select(r => (Row: r, View: SnapshotterDocument.Of(document, r.Snapshotter!)))
                .Where(p => p.View is not null)
                .Select(p => new RowDocument(p.Row.NodeName ?? document.Environment.Hostname, p.Row.Snapshotter!, p.View!, partial)));
        }

        return rows;
    }

    /// <summary>The ConfigMaps <paramref name="status"/>'s succeeded rows name that are not there with its generation's document (yet).</summary>
    public static IReadOnlyList<string> Missing(UnpackBenchmarkStatus status, Func<string, V1ConfigMap?> configMap) =>
        [.. status.Nodes
            .Where(r => r.Phase == BenchmarkPhase.Succeeded && r.ResultConfigMap is not null)
            .Select(r => r.ResultConfigMap!)
            .Distinct(StringComparer.Ordinal)
            .Where(name => configMap(name) is not { } found || ResultConfigMapBuilder.GenerationOf(found) != status.ObservedGeneration)];

    /// <summary>The row documents of one result document (a ConfigMap baseline): one per snapshotter it measured.</summary>
    public static IReadOnlyList<RowDocument> Of(BenchmarkResult document, bool partial) =>
        [.. SnapshotterDocument.Snapshotters(document).Select(s => new RowDocument(document.Environment.Hostname, s, SnapshotterDocument.Of(document, s)!, partial))];

    /// <summary>Whether <paramref name="configMap"/> is marked as holding a document the operator assembled.</summary>
    public static bool IsPartial(V1ConfigMap configMap) =>
        configMap.Metadata?.Annotations?.TryGetValue(ResultConfigMapBuilder.PartialAnnotation, out var partial) == true && partial == "true";
}
