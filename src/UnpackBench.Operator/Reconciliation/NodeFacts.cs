using k8s.Models;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// What a status row says about its node: the labels people group nodes by (instance type, zone), its
/// kernel and containerd. From the Node object first; the agent's document, once it arrives, says which
/// kernel and containerd really unpacked (the agent may run a containerd of its own).
/// </summary>
/// <param name="InstanceType">The <c>node.kubernetes.io/instance-type</c> label.</param>
/// <param name="Zone">The <c>topology.kubernetes.io/zone</c> label.</param>
/// <param name="Kernel">The kernel version.</param>
/// <param name="ContainerdVersion">The container runtime's version.</param>
public sealed record NodeFacts(string? InstanceType, string? Zone, string? Kernel, string? ContainerdVersion)
{
    /// <summary>The well-known instance-type label (and its deprecated beta name, which older clusters still set).</summary>
    public static readonly string[] InstanceTypeLabels = ["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type"];

    /// <summary>The well-known zone label (and its deprecated name).</summary>
    public static readonly string[] ZoneLabels = ["topology.kubernetes.io/zone", "failure-domain.beta.kubernetes.io/zone"];

    /// <summary>Nothing known.</summary>
    public static NodeFacts None { get; } = new(null, null, null, null);

    /// <summary>The facts a Node object states.</summary>
    public static NodeFacts Of(V1Node? node)
    {
        if (node is null)
        {
            return None;
        }

        var labels = node.Metadata?.Labels ?? new Dictionary<string, string>();
        string? Label(string[] keys) => keys.Select(k => labels.TryGetValue(k, out var v) ? v : null).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        var info = node.Status?.NodeInfo;
        return new NodeFacts(Label(InstanceTypeLabels), Label(ZoneLabels), Empty(info?.KernelVersion), Empty(info?.ContainerRuntimeVersion));
    }

    /// <summary>These facts with the kernel and containerd the agent reported in <paramref name="environment"/>, where it knew them.</summary>
    public NodeFacts With(EnvironmentDescription? environment) => environment is null
        ? this
        : this with { Kernel = Known(environment.Kernel) ?? Kernel, ContainerdVersion = Known(environment.ContainerdVersion) ?? ContainerdVersion };

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    // A partial document the operator assembled says "unknown" for what the agent never reported.
    private static string? Known(string? value) => string.IsNullOrEmpty(value) || value == "unknown" ? null : value;
}
