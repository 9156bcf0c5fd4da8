using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.Benchmark;

/// <summary>A value the user gave cannot work (e.g. a snapshotter containerd lacks); exit code 2.</summary>
internal sealed class UsageException(string message, string reason = AgentFailureReasons.InvalidSpec) : Exception(message)
{
    /// <summary>The failure reason reported to the operator.</summary>
    public string Reason { get; } = reason;
}
