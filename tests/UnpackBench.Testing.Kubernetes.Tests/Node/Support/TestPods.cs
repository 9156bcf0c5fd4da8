using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Tests.Node.Support;

/// <summary>Pods whose container runs a shell script.</summary>
internal static class TestPods
{
    public const string Container = "main";

    public static V1Pod Shell(string name, string script, string? nodeName = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1PodSpec
        {
            NodeName = nodeName,
            RestartPolicy = "Never",
            TerminationGracePeriodSeconds = 5,
            Containers = [new V1Container { Name = Container, Image = "test/shell:1", Command = ["sh", "-c", script] }],
            Volumes = [],
        },
    };

    public static V1Pod WithVolume(this V1Pod pod, V1Volume volume, string mountPath, bool readOnly = false)
    {
        pod.Spec.Volumes.Add(volume);
        pod.Spec.Containers[0].VolumeMounts ??= [];
        pod.Spec.Containers[0].VolumeMounts.Add(new V1VolumeMount { Name = volume.Name, MountPath = mountPath, ReadOnlyProperty = readOnly ? true : null });
        return pod;
    }

    public static V1Pod WithHostPath(this V1Pod pod, string name, string hostPath, string mountPath, string? type = null) =>
        pod.WithVolume(new V1Volume { Name = name, HostPath = new V1HostPathVolumeSource { Path = hostPath, Type = type } }, mountPath);

    public static V1ContainerStateTerminated Terminated(this V1Pod pod) =>
        pod.Status.ContainerStatuses[0].State.Terminated ?? throw new InvalidOperationException("The container has not terminated.");

    public static bool IsRunning(this V1Pod pod) =>
        pod.Status?.Phase == "Running" && pod.Status.ContainerStatuses?.FirstOrDefault()?.State?.Running is not null;
}
