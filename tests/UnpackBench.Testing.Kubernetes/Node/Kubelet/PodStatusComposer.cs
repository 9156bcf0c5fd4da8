using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// The pod status a kubelet reports for a <see cref="ContainerSnapshot"/>: phase, startTime, host and pod IPs,
/// the conditions PodReadyToStartContainers, Initialized, ContainersReady and Ready (other conditions, such
/// as the scheduler's PodScheduled, are kept), and the container's status with its waiting, running or
/// terminated state. Transition times only move when a condition's status does.
/// </summary>
internal static class PodStatusComposer
{
    /// <summary>The status to write over <paramref name="current"/>'s.</summary>
    public static V1PodStatus Compose(V1Pod current, DateTime startTime, ContainerSnapshot snapshot, DateTime now)
    {
        var container = current.Spec.Containers[0];
        var running = snapshot.StartedAt is not null && snapshot.ExitCode is null;
        var terminal = snapshot.Phase is "Succeeded" or "Failed";
        var conditions = current.Status?.Conditions;
        conditions = PodConditions.Set(conditions, Condition("PodReadyToStartContainers", snapshot.SandboxReady && !terminal), now);
        conditions = PodConditions.Set(conditions, Condition("Initialized", true), now);
        conditions = PodConditions.Set(conditions, Readiness("ContainersReady", running, terminal, container.Name), now);
        conditions = PodConditions.Set(conditions, Readiness("Ready", running, terminal, container.Name), now);
        return new V1PodStatus
        {
            Phase = snapshot.Phase,
            Reason = snapshot.PodReason,
            Message = snapshot.PodMessage,
            StartTime = startTime,
            HostIP = ContainerEnvironment.NodeAddress,
            HostIPs = [new V1HostIP { Ip = ContainerEnvironment.NodeAddress }],
            PodIP = ContainerEnvironment.NodeAddress,
            PodIPs = [new V1PodIP { Ip = ContainerEnvironment.NodeAddress }],
            QosClass = current.Status?.QosClass ?? "BestEffort",
            Conditions = conditions,
            ContainerStatuses =
            [
                new V1ContainerStatus
                {
                    Name = container.Name,
                    Image = container.Image ?? "",
                    ImageID = "",
                    ContainerID = snapshot.ContainerId,
                    Ready = running,
                    Started = running,
                    RestartCount = 0,
                    State = State(snapshot),
                },
            ],
        };
    }

    private static V1ContainerState State(ContainerSnapshot snapshot)
    {
        if (snapshot.ExitCode is { } exitCode)
        {
            return new V1ContainerState
            {
                Terminated = new V1ContainerStateTerminated
                {
                    ExitCode = exitCode,
                    Reason = snapshot.TerminatedReason,
                    Message = string.IsNullOrEmpty(snapshot.TerminatedMessage) ? null : snapshot.TerminatedMessage,
                    StartedAt = snapshot.StartedAt,
                    FinishedAt = snapshot.FinishedAt,
                    ContainerID = snapshot.ContainerId,
                },
            };
        }

        return snapshot.StartedAt is { } startedAt
            ? new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = startedAt } }
            : new V1ContainerState { Waiting = new V1ContainerStateWaiting { Reason = snapshot.WaitingReason, Message = snapshot.WaitingMessage } };
    }

    private static V1PodCondition Condition(string type, bool status) =>
        new() { Type = type, Status = status ? "True" : "False" };

    private static V1PodCondition Readiness(string type, bool running, bool terminal, string container) => running
        ? Condition(type, true)
        : new V1PodCondition
        {
            Type = type,
            Status = "False",
            Reason = terminal ? "PodCompleted" : "ContainersNotReady",
            Message = terminal ? null : $"containers with unready status: [{container}]",
        };
}
