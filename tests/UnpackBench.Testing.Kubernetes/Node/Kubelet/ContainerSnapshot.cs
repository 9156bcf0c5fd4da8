namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>What the kubelet knows about a pod's (single) container, from which its status is composed.</summary>
internal sealed record ContainerSnapshot
{
    /// <summary>The pod phase: Pending, Running, Succeeded or Failed.</summary>
    public required string Phase { get; init; }

    /// <summary>Why the container is not running yet (ContainerCreating, RunContainerError, …).</summary>
    public string? WaitingReason { get; init; }

    /// <summary>Details of <see cref="WaitingReason"/>.</summary>
    public string? WaitingMessage { get; init; }

    /// <summary>Whether the volumes are set up and the container can be started.</summary>
    public bool SandboxReady { get; init; }

    /// <summary>When the container's program started.</summary>
    public DateTime? StartedAt { get; init; }

    /// <summary>The exit code once terminated.</summary>
    public int? ExitCode { get; init; }

    /// <summary>Completed, Error, StartError.</summary>
    public string? TerminatedReason { get; init; }

    /// <summary>The termination message.</summary>
    public string? TerminatedMessage { get; init; }

    /// <summary>When it terminated.</summary>
    public DateTime? FinishedAt { get; init; }

    /// <summary>The pod-level reason (DeadlineExceeded).</summary>
    public string? PodReason { get; init; }

    /// <summary>The pod-level message.</summary>
    public string? PodMessage { get; init; }

    /// <summary>The container's id (<c>test-kubelet://PID</c>) once it was started.</summary>
    public string? ContainerId { get; init; }

    /// <summary>Waiting to be set up or started.</summary>
    public static ContainerSnapshot Waiting(string reason, string? message, bool sandboxReady = false) =>
        new() { Phase = "Pending", WaitingReason = reason, WaitingMessage = message, SandboxReady = sandboxReady };
}
