using System.Text.Json.Nodes;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>The UnpackBenchmark CRD, as config/crd holds it.</summary>
internal static class Crd
{
    /// <summary>The CRD file the chart's copy must equal.</summary>
    public const string File = UnpackBench.Testing.Kubernetes.CustomResources.ProjectManifests.CrdFile;

    /// <summary>The chart's copy.</summary>
    public static string ChartFile => $"{Helm.HelmChart.Directory}/crds/unpackbenchmarks.yaml";

    /// <summary>The parsed CRD.</summary>
    public static JsonObject Load() => YamlDocuments.ParseSingle(Repository.Read(File));

    /// <summary>Each version's name and openAPIV3Schema.</summary>
    public static IEnumerable<(string Version, JsonObject Schema, JsonObject Definition)> Versions(JsonObject crd) =>
        crd["spec"]!["versions"]!.AsArray().Select(v => (v!["name"]!.GetValue<string>(), v["schema"]!["openAPIV3Schema"]!.AsObject(), v.AsObject()));
}
