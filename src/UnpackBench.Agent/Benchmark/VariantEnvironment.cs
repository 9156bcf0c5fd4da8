using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Floors;
using UnpackBench.Agent.Sampling;

namespace UnpackBench.Agent.Benchmark;

/// <summary>What every variant of a benchmark shares about the node: where the blobs and snapshots are, and containerd's gzip decompressor.</summary>
/// <param name="Blobs">The content store's blob files; null when not visible to the agent.</param>
/// <param name="SnapshotterRoots">Each available snapshotter's directory, as containerd reports it.</param>
/// <param name="ContainerdGzip">containerd's gzip decompressor: <c>unpigz</c>, <c>builtin</c> or <c>unknown</c>.</param>
/// <param name="FloorTools">The floors' tools; null without <c>--floor</c>.</param>
/// <param name="ContainerdCgroup">The cgroup the agent started containerd in, where the floors' tools run too; null when it has none.</param>
internal sealed record VariantEnvironment(
    ContentBlobFiles? Blobs, IReadOnlyDictionary<string, string> SnapshotterRoots, string ContainerdGzip, FloorToolbox? FloorTools, ContainerdCgroup? ContainerdCgroup);
