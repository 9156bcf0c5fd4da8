using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Tests.Support;

/// <summary>Objects the tests create: small, valid, and named by the caller.</summary>
internal static class Objects
{
    public const string Group = "unpackbench.test";
    public const string Version = "v1alpha1";
    public const string Plural = "unpackbenchmarks";
    public const string Kind = "UnpackBenchmark";

    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static V1Pod Pod(string name, string? nodeName = null, IDictionary<string, string>? labels = null, long? gracePeriod = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Spec = new V1PodSpec
        {
            NodeName = nodeName,
            TerminationGracePeriodSeconds = gracePeriod,
            Containers = [new V1Container { Name = "agent", Image = "unpackbench/agent:1" }],
        },
    };

    public static V1ConfigMap ConfigMap(string name, string value = "1", IDictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, Labels = labels },
        Data = new Dictionary<string, string> { ["value"] = value },
    };

    public static JsonObject Benchmark(string name, string image = "docker.io/library/alpine:3.20") => new()
    {
        ["apiVersion"] = $"{Group}/{Version}",
        ["kind"] = Kind,
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["image"] = image, ["runs"] = 3 },
    };

    public static ApiResource RegisterBenchmarks(this ApiTestServer server) =>
        server.RegisterCustomResource(Group, Version, Plural, Kind);

    /// <summary>A custom object as KubernetesClient returns it (a JsonElement), as JSON.</summary>
    public static JsonObject Json(object customObject) =>
        JsonNode.Parse(KubernetesJson.Serialize(customObject))!.AsObject();

    public static V1OwnerReference OwnedBy(IKubernetesObject<V1ObjectMeta> owner, bool blockOwnerDeletion = true) => new()
    {
        ApiVersion = owner.ApiVersion ?? "v1",
        Kind = owner.Kind ?? "ConfigMap",
        Name = owner.Metadata.Name,
        Uid = owner.Metadata.Uid,
        Controller = true,
        BlockOwnerDeletion = blockOwnerDeletion,
    };
}
