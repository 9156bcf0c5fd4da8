namespace UnpackBench.Agent.Benchmark;

/// <summary>A value the user gave cannot work (e.g. a snapshotter containerd lacks); exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
