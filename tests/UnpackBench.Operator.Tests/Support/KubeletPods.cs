using k8s.Models;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>
/// Agent pods as the API shows them: built by the operator's own pod builder, then carrying the
/// status the scheduler and the kubelet report at each stage of the pod's life.
/// </summary>
internal static class KubeletPods
{
    public static readonly DateTime CreatedAt = Scenario.Now.UtcDateTime.AddMinutes(-2);

    /// <summary>The pod just created by the API server: no node, phase Pending.</summary>
    public static V1Pod Created(V1Alpha1UnpackBenchmark benchmark, DateTime? created = null)
    {
        var pod = AgentPodBuilder.Build(benchmark, Scenario.Options);
        pod.Metadata.Uid = $"pod-{benchmark.Metadata.Generation}-{benchmark.Metadata.Uid}";
        pod.Metadata.ResourceVersion = "5000";
        pod.Metadata.CreationTimestamp = created ?? CreatedAt;
        pod.Status = new V1PodStatus { Phase = "Pending", QosClass = "BestEffort" };
        return pod;
    }

    /// <summary>The scheduler found no node: PodScheduled=False/Unschedulable with its explanation.</summary>
    public static V1Pod Unschedulable(V1Pod pod, DateTime since, string message)
    {
        pod.Status.Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "False", Reason = "Unschedulable", Message = message, LastTransitionTime = since }];
        return pod;
    }

    /// <summary>Bound to the node; the kubelet accepted it (startTime) and the container is waiting for <paramref name="reason"/>.</summary>
    public static V1Pod Waiting(V1Pod pod, string reason, string? message = null)
    {
        Scheduled(pod);
        pod.Status.ContainerStatuses = [Container(new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = reason, Message = message } })];
        return pod;
    }

    /// <summary>The agent container runs.</summary>
    public static V1Pod Running(V1Pod pod, DateTime? startedAt = null)
    {
        Scheduled(pod);
        pod.Status.Phase = "Running";
        pod.Status.PodIP = "127.0.0.1";
        pod.Status.ContainerStatuses = [Container(new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = startedAt ?? pod.Status.StartTime } }, ready: true)];
        return pod;
    }

    /// <summary>The agent exited 0 and wrote <paramref name="terminationMessage"/>.</summary>
    public static V1Pod Succeeded(V1Pod pod, DateTime finishedAt, string? terminationMessage = null) =>
        Terminated(pod, "Succeeded", 0, "Completed", finishedAt, terminationMessage);

    /// <summary>The agent exited non-zero (or was killed); <paramref name="podReason"/> is what Kubernetes itself says, if anything.</summary>
    public static V1Pod Failed(V1Pod pod, DateTime finishedAt, int exitCode = 1, string containerReason = "Error", string? terminationMessage = null, string? podReason = null, string? podMessage = null)
    {
        Terminated(pod, "Failed", exitCode, containerReason, finishedAt, terminationMessage);
        pod.Status.Reason = podReason;
        pod.Status.Message = podMessage;
        return pod;
    }

    /// <summary>Deletion was requested; the kubelet has not stopped the pod yet.</summary>
    public static V1Pod Terminating(V1Pod pod, DateTime since)
    {
        pod.Metadata.DeletionTimestamp = since;
        pod.Metadata.DeletionGracePeriodSeconds = 30;
        return pod;
    }

    private static V1Pod Terminated(V1Pod pod, string phase, int exitCode, string reason, DateTime finishedAt, string? terminationMessage)
    {
        Scheduled(pod);
        pod.Status.Phase = phase;
        pod.Status.ContainerStatuses = [Container(new V1ContainerState
        {
            Terminated = new V1ContainerStateTerminated
            {
                ExitCode = exitCode,
                Reason = reason,
                Message = terminationMessage,
                StartedAt = pod.Status.StartTime,
                FinishedAt = finishedAt,
                ContainerID = "containerd://" + new string('f', 64),
            },
        })];
        return pod;
    }

    private static void Scheduled(V1Pod pod)
    {
        pod.Spec.NodeName ??= Scenario.Node;
        pod.Status.HostIP = "127.0.0.1";
        pod.Status.StartTime ??= pod.Metadata.CreationTimestamp!.Value.AddSeconds(1);
        pod.Status.Conditions = [new V1PodCondition { Type = "PodScheduled", Status = "True", LastTransitionTime = pod.Status.StartTime }];
    }

    private static V1ContainerStatus Container(V1ContainerState state, bool ready = false) => new()
    {
        Name = AgentPodBuilder.ContainerName,
        Image = Scenario.Options.AgentImage,
        ImageID = string.Empty,
        Ready = ready,
        RestartCount = 0,
        State = state,
    };
}
