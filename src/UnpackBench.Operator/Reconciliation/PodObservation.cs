using k8s.Models;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>Reads what a pod's status says about the agent: scheduling, start problems, how it ended.</summary>
public static class PodObservation
{
    /// <summary>Container waiting reasons that will not resolve on their own.</summary>
    private static readonly HashSet<string> StartFailures = ["CreateContainerConfigError", "CreateContainerError", "RunContainerError", "InvalidImageName", "ErrImageNeverPull"];

    /// <summary>Waiting reasons that may resolve (the image may become pullable), until a timeout.</summary>
    private static readonly HashSet<string> ImageProblems = ["ErrImagePull", "ImagePullBackOff"];

    /// <summary>The pod's phase, Pending when it has none yet.</summary>
    public static string Phase(V1Pod pod) => pod.Status?.Phase ?? "Pending";

    /// <summary>Whether the pod has finished (the agent exited).</summary>
    public static bool IsTerminal(V1Pod pod) => Phase(pod) is "Succeeded" or "Failed";

    /// <summary>The scheduler's message and since when, if the pod cannot be scheduled.</summary>
    public static (string Message, DateTimeOffset Since)? Unschedulable(V1Pod pod)
    {
        var condition = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "PodScheduled" && c.Status == "False" && c.Reason == "Unschedulable");
        return condition is null
            ? null
            : (condition.Message ?? "no node fits", new DateTimeOffset(condition.LastTransitionTime ?? pod.Metadata.CreationTimestamp ?? DateTime.UtcNow, TimeSpan.Zero));
    }

    /// <summary>A waiting reason that means the agent cannot start at all, with its message.</summary>
    public static (string Reason, string Message)? StartFailure(V1Pod pod) => Waiting(pod, StartFailures);

    /// <summary>A waiting reason about pulling the agent image, with its message.</summary>
    public static (string Reason, string Message)? ImageProblem(V1Pod pod) => Waiting(pod, ImageProblems);

    /// <summary>
    /// The node a pod is bound to when no kubelet has reported on it yet (no start time, no container
    /// status); null once one has, or while it is unbound.
    /// </summary>
    public static string? NeverStarted(V1Pod pod) =>
        pod.Spec?.NodeName is { Length: > 0 } node && pod.Status?.StartTime is null && (pod.Status?.ContainerStatuses is null || pod.Status.ContainerStatuses.Count == 0) ? node : null;

    /// <summary>The agent container's termination, once it exited.</summary>
    public static V1ContainerStateTerminated? Terminated(V1Pod pod) =>
        pod.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == AgentPodBuilder.ContainerName)?.State?.Terminated;

    /// <summary>Why the pod failed according to Kubernetes itself (deadline, eviction, OOM), if it says.</summary>
    public static (string Reason, string Message)? KubernetesFailure(V1Pod pod)
    {
        if (pod.Status?.Reason is { Length: > 0 } reason)
        {
            return (reason, pod.Status.Message ?? reason);
        }

        return Terminated(pod) is { Reason: "OOMKilled" } terminated
            ? ("AgentOOMKilled", $"the agent was killed for exceeding its memory limit (exit code {terminated.ExitCode}); raise spec.resources.limits.memory")
            : null;
    }

    private static (string Reason, string Message)? Waiting(V1Pod pod, HashSet<string> reasons)
    {
        var waiting = pod.Status?.ContainerStatuses?.FirstOrDefault(c => c.Name == AgentPodBuilder.ContainerName)?.State?.Waiting;
        return waiting?.Reason is { } reason && reasons.Contains(reason) ? (reason, waiting.Message ?? reason) : null;
    }
}
