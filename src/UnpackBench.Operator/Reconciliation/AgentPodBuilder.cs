using System.Globalization;
using k8s;
using k8s.Models;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Core.References;
using UnpackBench.Core.Variants;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Builds the agent pod of a benchmark generation. The pod is privileged (containerd mounts
/// filesystems), never restarts, has a deadline, keeps containerd's root on the chosen volume, sees
/// pull secrets as files, and has no service-account token: a privileged pod holds no API credentials.
/// It reports only through its log and termination message, which the operator reads.
/// </summary>
public static class AgentPodBuilder
{
    /// <summary>The agent container's name.</summary>
    public const string ContainerName = "agent";

    /// <summary>Where containerd's root volume is mounted in the agent.</summary>
    public const string StorageMountPath = "/var/lib/unpackbench";

    /// <summary>Where pull secrets are mounted, one directory per secret.</summary>
    public const string PullSecretsPath = "/etc/unpackbench/pull-secrets";

    /// <summary>The termination message file.</summary>
    public const string TerminationMessagePath = "/dev/termination-log";

    /// <summary>Builds the pod for <paramref name="benchmark"/>'s current generation, in <paramref name="slot"/> (by default the one of a benchmark on one node).</summary>
    public static V1Pod Build(V1Alpha1UnpackBenchmark benchmark, OperatorOptions options, AgentSlot? slot = null)
    {
        slot ??= AgentSlot.OneNode;
        var spec = benchmark.Spec;
        var labels = ObjectNames.OwnedLabels(benchmark);
        labels[ObjectNames.GenerationLabel] = (benchmark.Metadata.Generation ?? 0).ToString(CultureInfo.InvariantCulture);
        if (slot.Node is { } node)
        {
            labels[ObjectNames.NodeLabel] = ObjectNames.NodeLabelValue(node);
        }

        return new V1Pod
        {
            ApiVersion = "v1",
            Kind = "Pod",
            Metadata = new V1ObjectMeta
            {
                Name = slot.PodName(benchmark),
                NamespaceProperty = benchmark.Metadata.NamespaceProperty,
                Labels = labels,
                OwnerReferences = [OwnerReference(benchmark)],
            },
            Spec = new V1PodSpec
            {
                RestartPolicy = "Never",
                ActiveDeadlineSeconds = spec.TimeoutSeconds,
                AutomountServiceAccountToken = false,
                EnableServiceLinks = false,
                TerminationGracePeriodSeconds = 30,
                NodeName = string.IsNullOrEmpty(spec.NodeName) ? null : spec.NodeName,
                NodeSelector = spec.NodeSelector.Count == 0 ? null : spec.NodeSelector.ToDictionary(),
                Affinity = slot.Node is null ? null : PinnedTo(slot.Node),
                Tolerations = spec.Tolerations.Count == 0 ? null : spec.Tolerations.Select(t => KubernetesJson.Deserialize<V1Toleration>(t.ToJsonString())).ToList(),
                Containers = [Container(spec, options)],
                Volumes = [StorageVolume(spec.Storage), .. spec.ImagePullSecrets.Select((s, i) => PullSecretVolume(s.Name, i))],
            },
        };
    }

    /// <summary>The controller owner reference that ties an object's life to the benchmark's.</summary>
    public static V1OwnerReference OwnerReference(V1Alpha1UnpackBenchmark benchmark) => new()
    {
        ApiVersion = V1Alpha1UnpackBenchmark.ApiVersionValue,
        Kind = V1Alpha1UnpackBenchmark.KindName,
        Name = benchmark.Metadata.Name,
        Uid = benchmark.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = true,
    };

    /// <summary>Where the agent writes its result document inside the pod (the log carries it out).</summary>
    public const string ResultDirectory = "/tmp/unpackbench-results";

    /// <summary>What the agent is asked to do for <paramref name="spec"/>: the typed contract its command line is parsed into.</summary>
    public static AgentRunRequest Request(UnpackBenchmarkSpec spec) => new()
    {
        Image = spec.Image,
        Runs = spec.Runs,
        Warmup = spec.WarmupRuns,
        Snapshotters = spec.EffectiveSnapshotters,
        Concurrency = spec.Concurrency == BenchmarkLimits.Concurrency.Default ? null : spec.Concurrency,
        // drop is node-wide and privileged: passed only because the spec asks for it.
        Cache = spec.Cache == CacheModes.Name(CacheMode.Warm) ? null : spec.Cache,
        Durable = spec.Durable,
        Floor = spec.Floor,
        WhatIf = spec.WhatIf,
        LinkMbps = spec.WhatIf.Count == 0 || spec.LinkMbps == BenchmarkLimits.LinkMbps.Default ? null : spec.LinkMbps,
        Platform = string.IsNullOrEmpty(spec.Platform) ? null : spec.Platform,
        PlainHttp = IsInsecure(spec),
        RegistryConfigs = spec.ImagePullSecrets.Select(s => $"{PullSecretsPath}/{s.Name}/config.json").ToList(),
        Root = $"{StorageMountPath}/containerd",
        Output = ResultDirectory,
        SampleIntervalMs = spec.SampleIntervalMs,
        LogFormat = AgentCommandLine.JsonLogFormat,
        TerminationMessagePath = TerminationMessagePath,
    };

    /// <summary>The agent's arguments for <paramref name="spec"/>, written from <see cref="Request"/> (or, in the other modes, from <see cref="Prediction.ModeAgentRequests"/>).</summary>
    public static IList<string> Arguments(UnpackBenchmarkSpec spec) => [.. Prediction.ModeAgentRequests.Arguments(spec)];

    private static V1Container Container(UnpackBenchmarkSpec spec, OperatorOptions options) => new()
    {
        Name = ContainerName,
        Image = options.AgentImage,
        ImagePullPolicy = options.AgentImagePullPolicy,
        Command = [AgentCommandLine.Executable],
        Args = Arguments(spec),
        Env = [new V1EnvVar { Name = "NODE_NAME", ValueFrom = new V1EnvVarSource { FieldRef = new V1ObjectFieldSelector { FieldPath = "spec.nodeName" } } }],
        // The image's default user is non-root (for the operator); the agent must be root to mount. Counting an
        // image's layers (mode Predict) starts no containerd and mounts nothing, so that agent gets no privilege.
        SecurityContext = spec.Mode == BenchmarkMode.Predict
            ? new V1SecurityContext { Privileged = false, AllowPrivilegeEscalation = false }
            : new V1SecurityContext { Privileged = true, RunAsUser = 0, RunAsNonRoot = false },
        Resources = spec.Resources is null ? null : KubernetesJson.Deserialize<V1ResourceRequirements>(spec.Resources.ToJsonString()),
        TerminationMessagePath = TerminationMessagePath,
        TerminationMessagePolicy = "File",
        VolumeMounts =
        [
            new V1VolumeMount { MountPath = StorageMountPath, Name = "containerd-root" },
            .. spec.ImagePullSecrets.Select((s, i) => new V1VolumeMount { MountPath = $"{PullSecretsPath}/{s.Name}", Name = $"pull-secret-{i}", ReadOnlyProperty = true }),
        ],
    };

    // As the DaemonSet controller pins its pods: required node affinity on the node's name, so the
    // scheduler still checks taints, resources and the rest (spec.nodeName would bypass it).
    private static V1Affinity PinnedTo(string node) => new()
    {
        NodeAffinity = new V1NodeAffinity
        {
            RequiredDuringSchedulingIgnoredDuringExecution = new V1NodeSelector
            {
                NodeSelectorTerms = [new V1NodeSelectorTerm { MatchFields = [new V1NodeSelectorRequirement { Key = "metadata.name", OperatorProperty = "In", Values = [node] }] }],
            },
        },
    };

    private static V1Volume StorageVolume(BenchmarkStorage storage) => storage.Type switch
    {
        StorageType.HostPath => new V1Volume { Name = "containerd-root", HostPath = new V1HostPathVolumeSource { Path = storage.HostPath, Type = "DirectoryOrCreate" } },
        StorageType.PersistentVolumeClaim => new V1Volume { Name = "containerd-root", PersistentVolumeClaim = new V1PersistentVolumeClaimVolumeSource { ClaimName = storage.ClaimName } },
        _ => new V1Volume { Name = "containerd-root", EmptyDir = new V1EmptyDirVolumeSource { SizeLimit = storage.SizeLimit is null ? null : new ResourceQuantity(storage.SizeLimit) } },
    };

    // A dockerconfigjson secret's one key becomes config.json, the name the agent reads.
    private static V1Volume PullSecretVolume(string secret, int index) => new()
    {
        Name = $"pull-secret-{index}",
        Secret = new V1SecretVolumeSource { SecretName = secret, Items = [new V1KeyToPath { Key = ".dockerconfigjson", Path = "config.json" }] },
    };

    private static bool IsInsecure(UnpackBenchmarkSpec spec)
    {
        try
        {
            var domain = ImageReference.Parse(spec.Image).Domain;
            return spec.InsecureRegistries.Any(r => string.Equals(r, domain, StringComparison.OrdinalIgnoreCase));
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
