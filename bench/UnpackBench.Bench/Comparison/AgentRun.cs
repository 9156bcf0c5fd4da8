namespace UnpackBench.Bench.Comparison;

/// <summary>What one agent invocation reported: its single run's unpack time and the image it unpacked.</summary>
internal sealed record AgentRun(TimeSpan Duration, string ManifestDigest, int LayerCount);
