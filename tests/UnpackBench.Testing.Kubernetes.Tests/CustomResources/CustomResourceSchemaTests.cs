using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

/// <summary>Writes of a custom resource registered from its CRD are pruned, defaulted and validated as on kube-apiserver.</summary>
public sealed class CustomResourceSchemaTests : IAsyncLifetime
{
    private const string Group = "unpackbench.io";
    private const string Version = "v1alpha1";
    private const string Plural = "unpackbenchmarks";
    private const string Collection = "/apis/unpackbench.io/v1alpha1/namespaces/ns1/unpackbenchmarks";

    private ApiTestServer _server = null!;
    private k8s.Kubernetes _client = null!;

    public async Task InitializeAsync()
    {
        _server = await ApiTestServer.StartAsync();
        _server.RegisterCustomResourceDefinition(ProjectManifests.Crd);
        _client = _server.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Create_applies_the_schemas_defaults_nested_ones_included()
    {
        var created = Json(await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural));

        // Top-level defaults and the one nested inside storage's own default; fields without a default stay absent.
        var spec = created["spec"]!.AsObject();
        Assert.Equal(5, spec["runs"]!.GetValue<int>());
        Assert.Equal(0, spec["warmupRuns"]!.GetValue<int>());
        Assert.Equal("overlayfs", spec["snapshotter"]!.GetValue<string>());
        Assert.Equal("{\"type\":\"EmptyDir\"}", spec["storage"]!.ToJsonString());
        Assert.Equal(100, spec["sampleIntervalMs"]!.GetValue<int>());
        Assert.Equal(3600, spec["timeoutSeconds"]!.GetValue<int>());
        Assert.Equal("OneNode", spec["placement"]!.GetValue<string>());
        Assert.False(spec.ContainsKey("platform"));
        Assert.False(spec.ContainsKey("nodeName"));
    }

    [Fact]
    public async Task Without_field_validation_unknown_fields_are_dropped_with_a_warning_header()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using var response = await http.PostAsync(Collection, Body(Benchmark("b1", extra: "snapshoter")));
        var stored = _server.Store.Get(Plural, "ns1", "b1")!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(["299 - \"unknown field \\\"spec.snapshoter\\\"\""], response.Headers.GetValues("Warning"));
        Assert.Null(stored["spec"]!["snapshoter"]);
    }

    [Fact]
    public async Task Field_validation_ignore_drops_unknown_fields_silently()
    {
        using var http = new HttpClient { BaseAddress = _server.BaseAddress };

        using var response = await http.PostAsync($"{Collection}?fieldValidation=Ignore", Body(Benchmark("b1", extra: "snapshoter")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.False(response.Headers.Contains("Warning"));
        Assert.Null(_server.Store.Get(Plural, "ns1", "b1")!["spec"]!["snapshoter"]);
    }

    [Fact]
    public async Task Field_validation_strict_refuses_an_unknown_field_on_create_and_update_with_400()
    {
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural);
        var update = Json(await _client.CustomObjects.GetNamespacedCustomObjectAsync(Group, Version, "ns1", Plural, "b1"));
        update["spec"]!["snapshoter"] = "native";

        var onCreate = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b2", extra: "snapshoter"), Group, Version, "ns1", Plural, fieldValidation: "Strict"));
        var onUpdate = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.ReplaceNamespacedCustomObjectAsync(update, Group, Version, "ns1", Plural, "b1", fieldValidation: "Strict"));

        const string Message = "UnpackBenchmark in version \"v1alpha1\" cannot be handled as a UnpackBenchmark: strict decoding error: unknown field \"spec.snapshoter\"";
        Assert.Equal((HttpStatusCode.BadRequest, "BadRequest", Message), Describe(onCreate));
        Assert.Equal((HttpStatusCode.BadRequest, "BadRequest", Message), Describe(onUpdate));
    }

    [Fact]
    public async Task Field_validation_strict_refuses_a_patch_that_adds_an_unknown_field_with_422()
    {
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"snapshoter\":\"native\"}}", V1Patch.PatchType.MergePatch), Group, Version, "ns1", Plural, "b1", fieldValidation: "Strict"));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);

        Assert.Equal((HttpStatusCode)422, error.Response.StatusCode);
        Assert.StartsWith(" \"\" is invalid: patch: Invalid value: \"{\\\"apiVersion\\\":\\\"unpackbench.io/v1alpha1\\\",", status.Message, StringComparison.Ordinal);
        Assert.EndsWith("\": strict decoding error: unknown field \"spec.snapshoter\"", status.Message, StringComparison.Ordinal);
        Assert.Equal(("FieldValueInvalid", "patch"), (status.Details.Causes.Single().Reason, status.Details.Causes.Single().Field));
    }

    [Fact]
    public async Task An_invalid_spec_is_refused_with_a_cause_per_field_error()
    {
        var benchmark = Benchmark("b1");
        benchmark["spec"]!["runs"] = 0;
        benchmark["spec"]!["image"] = "has space";

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.CreateNamespacedCustomObjectAsync(benchmark, Group, Version, "ns1", Plural));
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);

        Assert.Equal(((HttpStatusCode)422, "Invalid"), (error.Response.StatusCode, status.Reason));
        Assert.Equal(("b1", Group, "UnpackBenchmark"), (status.Details.Name, status.Details.Group, status.Details.Kind));
        Assert.Equal(
            [
                ("FieldValueInvalid", "spec.image", "Invalid value: \"has space\": spec.image in body should match '^[^\\s]+$'"),
                ("FieldValueInvalid", "spec.runs", "Invalid value: 0: spec.runs in body should be greater than or equal to 1"),
            ],
            status.Details.Causes.Select(c => (c.Reason, c.Field, c.Message)));
        Assert.Equal(
            "UnpackBenchmark.unpackbench.io \"b1\" is invalid: [spec.image: Invalid value: \"has space\": spec.image in body should match '^[^\\s]+$', spec.runs: Invalid value: 0: spec.runs in body should be greater than or equal to 1]",
            status.Message);
    }

    [Fact]
    public async Task A_patch_that_breaks_a_cel_rule_is_refused_with_the_rules_message()
    {
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("{\"spec\":{\"storage\":{\"type\":\"PersistentVolumeClaim\"}}}", V1Patch.PatchType.MergePatch), Group, Version, "ns1", Plural, "b1"));

        Assert.Equal(
            ((HttpStatusCode)422, "UnpackBenchmark.unpackbench.io \"b1\" is invalid: spec.storage: Invalid value: \"object\": storage.claimName is required when storage.type is PersistentVolumeClaim"),
            (error.Response.StatusCode, KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message));
    }

    [Fact]
    public async Task A_status_write_is_validated_against_the_status_schema_and_unknown_status_fields_are_pruned()
    {
        await _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural);

        var error = await Assert.ThrowsAsync<HttpOperationException>(() => _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"Exploded\",\"startTime\":\"soon\"}}", V1Patch.PatchType.MergePatch), Group, Version, "ns1", Plural, "b1"));
        await _client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch("{\"status\":{\"phase\":\"Running\",\"colour\":\"green\"}}", V1Patch.PatchType.MergePatch), Group, Version, "ns1", Plural, "b1");

        Assert.Equal(
            "UnpackBenchmark.unpackbench.io \"b1\" is invalid: [status.phase: Unsupported value: \"Exploded\": supported values: \"Pending\", \"Running\", \"Succeeded\", \"PartiallySucceeded\", \"Failed\", "
            + "status.startTime: Invalid value: \"soon\": status.startTime in body must be of type date-time: \"soon\", "
            + "<nil>: Invalid value: \"null\": some validation rules were not checked because the object was invalid; correct the existing errors to complete validation]",
            KubernetesJson.Deserialize<V1Status>(error.Response.Content).Message);
        Assert.Equal("{\"phase\":\"Running\"}", _server.Store.Get(Plural, "ns1", "b1")!["status"]!.ToJsonString());
    }

    [Fact]
    public async Task An_unknown_field_validation_value_is_a_bad_request()
    {
        var error = await Assert.ThrowsAsync<HttpOperationException>(() =>
            _client.CustomObjects.CreateNamespacedCustomObjectAsync(Benchmark("b1"), Group, Version, "ns1", Plural, fieldValidation: "Loose"));

        Assert.Equal(
            (HttpStatusCode.BadRequest, "BadRequest", "fieldValidation: Unsupported value: \"Loose\": supported values: \"\", \"Ignore\", \"Strict\", \"Warn\""),
            Describe(error));
    }

    private static JsonObject Benchmark(string name, string? extra = null)
    {
        var spec = new JsonObject { ["image"] = "python:3.12" };
        if (extra is not null)
        {
            spec[extra] = "native";
        }

        return new JsonObject
        {
            ["apiVersion"] = $"{Group}/{Version}",
            ["kind"] = "UnpackBenchmark",
            ["metadata"] = new JsonObject { ["name"] = name },
            ["spec"] = spec,
        };
    }

    private static StringContent Body(JsonObject obj) => new(obj.ToJsonString(), Encoding.UTF8, new MediaTypeHeaderValue("application/json"));

    private static JsonObject Json(object customObject) => JsonNode.Parse(KubernetesJson.Serialize(customObject))!.AsObject();

    private static (HttpStatusCode, string, string) Describe(HttpOperationException error)
    {
        var status = KubernetesJson.Deserialize<V1Status>(error.Response.Content);
        return (error.Response.StatusCode, status.Reason, status.Message);
    }
}
