using System.Runtime.InteropServices;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A test kubelet's Node object: created (or taken over) with the kubelet's labels and taints, an
/// InternalIP of 127.0.0.1, this machine's CPU count, memory and kernel, and a Ready condition the kubelet
/// sets; deleted when the kubelet is disposed.
/// </summary>
internal sealed class NodeRegistration(IKubernetes client, string name, TestKubeletOptions options)
{
    private const int Attempts = 10;

    /// <summary>Creates or updates the node and marks it Ready.</summary>
    public async Task RegisterAsync(CancellationToken cancellationToken)
    {
        var node = Describe();
        try
        {
            await client.CoreV1.CreateNodeAsync(node, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (ApiErrors.IsConflict(e))
        {
            var existing = await client.CoreV1.ReadNodeAsync(name, cancellationToken: cancellationToken);
            existing.Metadata.Labels = node.Metadata.Labels;
            existing.Spec = node.Spec;
            await client.CoreV1.ReplaceNodeAsync(existing, name, cancellationToken: cancellationToken);
        }

        await WriteStatusAsync(ready: true, cancellationToken);
    }

    /// <summary>Sets the Ready condition (True: KubeletReady; False: KubeletNotReady).</summary>
    public Task SetReadyAsync(bool ready, CancellationToken cancellationToken) => WriteStatusAsync(ready, cancellationToken);

    /// <summary>Deletes the node; a node already gone is fine.</summary>
    public async Task DeleteAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.CoreV1.DeleteNodeAsync(name, cancellationToken: cancellationToken);
        }
        catch (HttpOperationException e) when (ApiErrors.IsNotFound(e))
        {
            // Already gone.
        }
    }

    private async Task WriteStatusAsync(bool ready, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var node = await client.CoreV1.ReadNodeAsync(name, cancellationToken: cancellationToken);
            node.Status = Status(node.Status, ready);
            try
            {
                await client.CoreV1.ReplaceNodeStatusAsync(node, name, cancellationToken: cancellationToken);
                return;
            }
            catch (HttpOperationException e) when (ApiErrors.IsConflict(e) && attempt < Attempts)
            {
                // Written meanwhile: read and try again.
            }
        }
    }

    private V1Node Describe()
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["kubernetes.io/hostname"] = name,
            ["kubernetes.io/os"] = "linux",
            ["kubernetes.io/arch"] = Architecture(),
        };
        foreach (var (key, value) in options.Labels)
        {
            labels[key] = value;
        }

        return new V1Node
        {
            ApiVersion = "v1",
            Kind = "Node",
            Metadata = new V1ObjectMeta { Name = name, Labels = labels },
            Spec = new V1NodeSpec { Taints = options.Taints.Count > 0 ? [.. options.Taints] : null },
        };
    }

    private V1NodeStatus Status(V1NodeStatus? current, bool ready)
    {
        var now = PodConditions.Truncate(DateTime.UtcNow);
        var previous = current?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var status = ready ? "True" : "False";
        var condition = new V1NodeCondition
        {
            Type = "Ready",
            Status = status,
            Reason = ready ? "KubeletReady" : "KubeletNotReady",
            Message = ready ? "kubelet is posting ready status" : "the test kubelet was marked not ready",
            LastHeartbeatTime = now,
            LastTransitionTime = previous?.Status == status && previous.LastTransitionTime is not null ? previous.LastTransitionTime : now,
        };
        var capacity = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
        {
            ["cpu"] = new(Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["memory"] = new($"{MemoryKibibytes()}Ki"),
            ["pods"] = new("110"),
        };
        return new V1NodeStatus
        {
            Conditions = [.. (current?.Conditions ?? []).Where(c => c.Type != "Ready"), condition],
            Addresses = [new V1NodeAddress { Type = "InternalIP", Address = ContainerEnvironment.NodeAddress }, new V1NodeAddress { Type = "Hostname", Address = name }],
            Capacity = capacity,
            Allocatable = capacity,
            NodeInfo = new V1NodeSystemInfo
            {
                Architecture = Architecture(),
                OperatingSystem = "linux",
                KernelVersion = ReadTrimmed("/proc/sys/kernel/osrelease"),
                OsImage = "Linux",
                ContainerRuntimeVersion = "test-kubelet://1",
                KubeletVersion = "v1.34.0-test",
                KubeProxyVersion = "",
                MachineID = "",
                SystemUUID = "",
                BootID = ReadTrimmed("/proc/sys/kernel/random/boot_id"),
            },
        };
    }

    private static string Architecture() => RuntimeInformation.OSArchitecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => "amd64",
        System.Runtime.InteropServices.Architecture.Arm64 => "arm64",
        var other => other.ToString().ToLowerInvariant(),
    };

    private static long MemoryKibibytes()
    {
        var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string ReadTrimmed(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : "";
}
