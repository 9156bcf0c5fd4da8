namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A container could not be set up: reported as its waiting state (<paramref name="reason"/>, e.g.
/// <c>ContainerCreating</c>, <c>CreateContainerConfigError</c>, <c>RunContainerError</c>) and, when
/// <see cref="Retryable"/>, tried again — as the real kubelet does for a missing secret.
/// </summary>
internal sealed class ContainerSetupException(string reason, string message, bool retryable) : Exception(message)
{
    /// <summary>The waiting reason.</summary>
    public string Reason { get; } = reason;

    /// <summary>Whether trying again may succeed without the pod changing.</summary>
    public bool Retryable { get; } = retryable;
}
