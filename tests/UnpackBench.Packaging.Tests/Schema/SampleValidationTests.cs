using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Schema;

public sealed class SampleValidationTests
{
    private const string Samples = "config/samples";
    private const string InvalidSamples = "config/samples/invalid";

    // Each deliberately bad benchmark and the one error kubectl apply would give it.
    private static readonly Dictionary<string, (string Path, SchemaErrorType Type, string Detail)> ExpectedFailures = new(StringComparer.Ordinal)
    {
        ["runs-zero.yaml"] = ("spec.runs", SchemaErrorType.Invalid, "0: spec.runs in body should be greater than or equal to 1"),
        ["runs-101.yaml"] = ("spec.runs", SchemaErrorType.Invalid, "101: spec.runs in body should be less than or equal to 100"),
        ["missing-image.yaml"] = ("spec.image", SchemaErrorType.Required, ""),
        ["unknown-field.yaml"] = ("spec.snapshoter", SchemaErrorType.UnknownField, ""),
        ["bad-storage-type.yaml"] = ("spec.storage.type", SchemaErrorType.NotSupported, "\"Tmpfs\": supported values: \"EmptyDir\", \"HostPath\", \"PersistentVolumeClaim\""),
        ["wrong-type.yaml"] = ("spec.runs", SchemaErrorType.Invalid, "\"string\": spec.runs in body must be of type integer: \"string\""),
        ["hostpath-without-path.yaml"] = ("spec.storage", SchemaErrorType.Invalid, "\"object\": storage.hostPath is required when storage.type is HostPath"),
    };

    private static readonly CustomResourceValidator Validator = new(Crd.Load());

    public static TheoryData<string> ValidSampleFiles() => [.. Repository.Files(Samples, "*.yaml")];

    public static TheoryData<string> InvalidSampleFiles() => [.. Repository.Files(InvalidSamples, "*.yaml")];

    [Theory]
    [MemberData(nameof(ValidSampleFiles))]
    public void Every_sample_benchmark_validates_against_the_crd(string file)
    {
        var benchmarks = Benchmarks(file);
        Assert.NotEmpty(benchmarks);
        foreach (var benchmark in benchmarks)
        {
            var errors = Validator.Validate(benchmark);
            Assert.True(errors.Count == 0, $"{file} ({benchmark["metadata"]?["name"]}): {string.Join("; ", errors)}");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidSampleFiles))]
    public void Every_invalid_sample_fails_for_its_reason(string file)
    {
        var name = Path.GetFileName(file);
        Assert.True(ExpectedFailures.TryGetValue(name, out var expected), $"{file} has no expected failure in {nameof(ExpectedFailures)}: add one");
        var errors = Validator.Validate(Assert.Single(Benchmarks(file)));
        var error = Assert.Single(errors);
        Assert.Equal(expected, (error.Path, error.Type, error.Detail));
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
        var names = Repository.Files(Samples, "*.yaml").SelectMany(YamlDocuments.ParseFile).Select(d => $"{d["kind"]}/{d["metadata"]?["name"]}").ToList();
        Assert.Equal(names.Distinct(StringComparer.Ordinal).Count(), names.Count);
    }

    [Fact]
    public void Pvc_cache_sample_claims_the_volume_it_defines()
    {
        var documents = YamlDocuments.ParseFile($"{Samples}/pvc-cache.yaml");
        var claim = Assert.Single(documents, d => d["kind"]?.GetValue<string>() == "PersistentVolumeClaim");
        var benchmark = Assert.Single(documents, Validator.Describes);
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

    private static List<JsonObject> Benchmarks(string file) =>
        YamlDocuments.ParseFile(file).Where(Validator.Describes).Select(d => d.AsObject()).ToList();
}
