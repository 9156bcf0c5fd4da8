using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Packaging.Tests.Infrastructure;
using UnpackBench.Testing.Kubernetes;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>
/// The samples applied as <c>kubectl apply</c> applies them (create with fieldValidation=Strict) to the API
/// test server serving the CRD, which validates as kube-apiserver does: the valid ones are accepted, each
/// invalid one is refused with the real server's code and message.
/// </summary>
public sealed class SampleValidationTests : IAsyncLifetime
{
    private const string Samples = "config/samples";
    private const string InvalidSamples = "config/samples/invalid";
    private const string Blocked = "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation";

    // Each deliberately bad benchmark and what kube-apiserver answers kubectl apply with. A Required, enum or
    // type error also blocks the CEL rules, which the server says in a second cause.
    private static readonly Dictionary<string, (HttpStatusCode Code, string Message)> ExpectedFailures = new(StringComparer.Ordinal)
    {
        ["runs-zero.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"runs-zero\" is invalid: spec.runs: Invalid value: 0: spec.runs in body should be greater than or equal to 1"),
        ["runs-101.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"runs-101\" is invalid: spec.runs: Invalid value: 101: spec.runs in body should be less than or equal to 100"),
        ["missing-image.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"missing-image\" is invalid: spec: Invalid value: \"object\": spec.image is required, the image to benchmark or predict; only mode Calibrate, which measures synthetic images, has none"),
        ["calibration-on-one-node.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"calibration-on-one-node\" is invalid: spec: Invalid value: \"object\": mode Calibrate calibrates each node; set placement EachNode and choose the nodes with nodeSelector and tolerations"),
        ["prediction-with-node-name.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"prediction-with-node-name\" is invalid: spec: Invalid value: \"object\": mode Predict runs one agent, on a matched node, that counts the image; leave placement OneNode without nodeName and choose the calibrated nodes to predict with nodeSelector"),
        ["calibration-set-unknown.yaml"] = ((HttpStatusCode)422, $"UnpackBenchmark.unpackbench.io \"calibration-set-unknown\" is invalid: [spec.calibration.set: Unsupported value: \"huge\": supported values: \"standard\", \"quick\", {Blocked}]"),
        ["unknown-field.yaml"] = (HttpStatusCode.BadRequest, "UnpackBenchmark in version \"v1alpha1\" cannot be handled as a UnpackBenchmark: strict decoding error: unknown field \"spec.snapshoter\""),
        ["bad-storage-type.yaml"] = ((HttpStatusCode)422, $"UnpackBenchmark.unpackbench.io \"bad-storage-type\" is invalid: [spec.storage.type: Unsupported value: \"Tmpfs\": supported values: \"EmptyDir\", \"HostPath\", \"PersistentVolumeClaim\", {Blocked}]"),
        ["wrong-type.yaml"] = ((HttpStatusCode)422, $"UnpackBenchmark.unpackbench.io \"wrong-type\" is invalid: [spec.runs: Invalid value: \"string\": spec.runs in body must be of type integer: \"string\", {Blocked}]"),
        ["survey-with-node-name.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"survey-with-node-name\" is invalid: spec: Invalid value: \"object\": spec.nodeName picks one node and cannot be combined with placement EachNode; choose the nodes with nodeSelector and tolerations"),
        ["baseline-both.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"baseline-both\" is invalid: spec.baseline: Invalid value: \"object\": spec.baseline names exactly one of benchmark (an UnpackBenchmark in the namespace) and configMap (a ConfigMap holding a result document)"),
        ["baseline-threshold-zero.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"baseline-threshold-zero\" is invalid: spec.baseline.thresholdPercent: Invalid value: 0: spec.baseline.thresholdPercent in body should be greater than 0"),
        ["calibration-with-baseline.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"calibration-with-baseline\" is invalid: spec: Invalid value: \"object\": spec.baseline compares a benchmark's result; a calibration or a prediction has none to compare, so remove it"),
        ["hostpath-without-path.yaml"] = ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"hostpath-without-path\" is invalid: spec.storage: Invalid value: \"object\": storage.hostPath is required when storage.type is HostPath"),
    };

    private ApiTestServer _server = null!;
    private k8s.Kubernetes _client = null!;

    public static TheoryData<string> ValidSampleFiles() => [.. Repository.Files(Samples, "*.yaml")];

    public static TheoryData<string> InvalidSampleFiles() => [.. Repository.Files(InvalidSamples, "*.yaml")];

    public async Task InitializeAsync()
    {
        _server = await ApiTestServer.StartAsync();
        _server.RegisterCustomResourceDefinition(Repository.Read(Crd.File));
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Theory]
    [MemberData(nameof(ValidSampleFiles))]
    public async Task Every_sample_benchmark_is_accepted_by_the_api_server(string file)
    {
        var benchmarks = Benchmarks(file);
        Assert.NotEmpty(benchmarks);
        foreach (var benchmark in benchmarks)
        {
            await ApplyAsync(benchmark);
        }
    }

    [Theory]
    [MemberData(nameof(InvalidSampleFiles))]
    public async Task Every_invalid_sample_is_refused_for_its_reason(string file)
    {
        var name = Path.GetFileName(file);
        Assert.True(ExpectedFailures.TryGetValue(name, out var expected), $"{file} has no expected failure in {nameof(ExpectedFailures)}: add one");

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => ApplyAsync(Assert.Single(Benchmarks(file))));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);

        Assert.Equal((expected.Code, expected.Message), (error.Response.StatusCode, status.Message));
    }

    [Fact]
    public void Every_expected_failure_has_its_invalid_sample()
    {
        var files = Repository.Files(InvalidSamples, "*.yaml").Select(Path.GetFileName);
        Assert.Equal(ExpectedFailures.Keys.Order(StringComparer.Ordinal), files.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sample_names_are_unique_so_all_samples_apply_together()
    {
        var names = Repository.Files(Samples, "*.yaml").SelectMany(Documents).Select(d => $"{d["kind"]}/{d["metadata"]?["name"]}").ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
    }

    [Fact]
    public void Pvc_cache_sample_claims_the_volume_it_defines()
    {
        var documents = Documents($"{Samples}/pvc-cache.yaml");
        var claim = Assert.Single(documents, d => d["kind"]?.GetValue<string>() == "PersistentVolumeClaim");
        var benchmark = Assert.Single(Benchmarks($"{Samples}/pvc-cache.yaml"));
        Assert.Equal("PersistentVolumeClaim", benchmark["spec"]!["storage"]!["type"]!.GetValue<string>());
        Assert.Equal(claim["metadata"]!["name"]!.GetValue<string>(), benchmark["spec"]!["storage"]!["claimName"]!.GetValue<string>());
    }

    [Fact]
    public void Private_registry_sample_marks_its_own_registry_insecure_and_names_a_pull_secret()
    {
        var spec = Assert.Single(Benchmarks($"{Samples}/private-registry.yaml"))["spec"]!;
        var image = spec["image"]!.GetValue<string>();
        var registry = image[..image.IndexOf('/', StringComparison.Ordinal)];
        Assert.Contains(registry, spec["insecureRegistries"]!.AsArray().Select(r => r!.GetValue<string>()));
        Assert.NotEmpty(spec["imagePullSecrets"]!.AsArray());
    }

    [Fact]
    public void Node_pinned_samples_pin_by_name_and_by_selector_with_tolerations()
    {
        var specs = Benchmarks($"{Samples}/node-pinned.yaml").Select(b => b["spec"]!).ToList();
        Assert.Contains(specs, s => s["nodeName"] is not null);
        Assert.Contains(specs, s => s["nodeSelector"] is not null && s["tolerations"] is JsonArray { Count: > 0 });
    }

    [Fact]
    public void Minimal_sample_is_minimal()
    {
        var spec = Assert.Single(Benchmarks($"{Samples}/minimal.yaml"))["spec"]!.AsObject();
        Assert.Equal(["image", "runs"], spec.Select(p => p.Key));
    }

    private static IReadOnlyList<JsonNode> Documents(string file) => YamlDocuments.Parse(Repository.Read(file));

    private static List<JsonObject> Benchmarks(string file) =>
        Documents(file).OfType<JsonObject>().Where(d => d["kind"]?.GetValue<string>() == "UnpackBenchmark").ToList();

    // kubectl apply creates with fieldValidation=Strict; each sample gets its own namespace so samples never collide.
    private Task<object> ApplyAsync(JsonObject benchmark) =>
        _client.CustomObjects.CreateNamespacedCustomObjectAsync(benchmark, "unpackbench.io", "v1alpha1", $"ns-{Guid.NewGuid():N}", "unpackbenchmarks", fieldValidation: "Strict");
}
