using System.Text.Json.Serialization;
using k8s;
using k8s.Models;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Operator.Entities;

/// <summary>The <c>UnpackBenchmark</c> custom resource, version v1alpha1 (group unpackbench.io).</summary>
public sealed class V1Alpha1UnpackBenchmark : IKubernetesObject<V1ObjectMeta>, ISpec<UnpackBenchmarkSpec>, IStatus<UnpackBenchmarkStatus?>
{
    /// <summary>The API group.</summary>
    public const string Group = "unpackbench.io";

    /// <summary>The version.</summary>
    public const string Version = "v1alpha1";

    /// <summary>The plural resource name in URLs.</summary>
    public const string Plural = "unpackbenchmarks";

    /// <summary>The kind.</summary>
    public const string KindName = "UnpackBenchmark";

    /// <summary>apiVersion as objects carry it.</summary>
    public const string ApiVersionValue = Group + "/" + Version;

    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiVersionValue;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KindName;

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("spec")]
    public UnpackBenchmarkSpec Spec { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("status")]
    public UnpackBenchmarkStatus? Status { get; set; }
}

/// <summary>A list of <see cref="V1Alpha1UnpackBenchmark"/>, as the API returns it.</summary>
public sealed class V1Alpha1UnpackBenchmarkList : IKubernetesObject<V1ListMeta>, IItems<V1Alpha1UnpackBenchmark>
{
    /// <inheritdoc />
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = V1Alpha1UnpackBenchmark.ApiVersionValue;

    /// <inheritdoc />
    [JsonPropertyName("kind")]
    public string Kind { get; set; } = V1Alpha1UnpackBenchmark.KindName + "List";

    /// <inheritdoc />
    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    /// <inheritdoc />
    [JsonPropertyName("items")]
    public IList<V1Alpha1UnpackBenchmark> Items { get; set; } = [];
}
