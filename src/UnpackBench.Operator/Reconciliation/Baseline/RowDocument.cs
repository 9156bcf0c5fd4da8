using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation.Baseline;

/// <summary>
/// One node × snapshotter a benchmark measured, as a result document of its own: the node's document
/// seen through that snapshotter's variant (see <see cref="SnapshotterDocument"/>).
/// </summary>
/// <param name="Node">The node (null when the document does not say).</param>
/// <param name="Snapshotter">The snapshotter.</param>
/// <param name="Document">The document, its top-level runs and environment those of this snapshotter.</param>
/// <param name="Partial">Whether the operator assembled the document because the agent's own did not arrive.</param>
public sealed record RowDocument(string? Node, string Snapshotter, BenchmarkResult Document, bool Partial);
