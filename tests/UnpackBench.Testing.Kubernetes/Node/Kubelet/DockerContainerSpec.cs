using Docker.DotNet.Models;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Translates a pod's container into a Docker container, as a CRI runtime would: the image as named;
/// <c>command</c> replaces the image's entrypoint and <c>args</c> its command (both after <c>$(VAR)</c>
/// expansion; with only <c>args</c> the image's entrypoint stays); <c>env</c>; the hostname is the pod's
/// name; every volume mount (and the termination message file) a bind mount of the host path the
/// kubelet prepared; <c>securityContext</c>'s privileged, runAsUser/runAsGroup (container, else pod),
/// capabilities and readOnlyRootFilesystem; <c>workingDir</c>. The network is the host's, as a
/// <c>hostNetwork</c> pod's (the test dockerd creates no bridge).
/// </summary>
internal static class DockerContainerSpec
{
    /// <summary>The label holding the pod's uid, for finding a kubelet's containers.</summary>
    public const string PodUidLabel = "io.kubernetes.pod.uid";

    /// <summary>The create parameters for <paramref name="container"/> of <paramref name="pod"/>.</summary>
    public static CreateContainerParameters Build(V1Pod pod, V1Container container, IReadOnlyDictionary<string, string> variables, IEnumerable<MountRequest> mounts)
    {
        var security = container.SecurityContext;
        var podSecurity = pod.Spec.SecurityContext;
        return new CreateContainerParameters
        {
            Name = $"k8s_{container.Name}_{pod.Name()}_{pod.Namespace()}_{pod.Uid()}",
            Image = container.Image,
            Entrypoint = container.Command is { Count: > 0 } command ? command.Select(w => VariableExpansion.Expand(w, variables)).ToList() : null,
            Cmd = container.Args?.Select(w => VariableExpansion.Expand(w, variables)).ToList() ?? (container.Command is { Count: > 0 } ? [] : null),
            Env = variables.Select(v => $"{v.Key}={v.Value}").ToList(),
            Hostname = pod.Name(),
            WorkingDir = container.WorkingDir,
            User = User(security?.RunAsUser ?? podSecurity?.RunAsUser, security?.RunAsGroup ?? podSecurity?.RunAsGroup),
            Labels = new Dictionary<string, string>
            {
                [PodUidLabel] = pod.Uid(),
                ["io.kubernetes.pod.name"] = pod.Name(),
                ["io.kubernetes.pod.namespace"] = pod.Namespace(),
            },
            HostConfig = new HostConfig
            {
                Privileged = security?.Privileged == true,
                CapAdd = security?.Capabilities?.Add?.ToList(),
                CapDrop = security?.Capabilities?.Drop?.ToList(),
                ReadonlyRootfs = security?.ReadOnlyRootFilesystem == true,
                NetworkMode = "host",
                Binds = mounts.Select(m => $"{m.Source}:{m.Target}:{(m.ReadOnly ? "ro" : "rw")}").ToList(),
            },
        };
    }

    private static string? User(long? uid, long? gid) => (uid, gid) switch
    {
        (null, null) => null,
        ({ } u, null) => u.ToString(System.Globalization.CultureInfo.InvariantCulture),
        (null, { } g) => throw new ContainerSetupException("CreateContainerConfigError", $"runAsGroup {g} without runAsUser is not supported by the test kubelet's Docker runtime", retryable: false),
        ({ } u, { } g) => FormattableString.Invariant($"{u}:{g}"),
    };
}
