using UnpackBench.Testing.Kubernetes.CustomResources;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

/// <summary>Registering a CRD checks it as kube-apiserver checks a CRD it is given.</summary>
public sealed class CustomResourceDefinitionRegistrationTests
{
    private const string FixedDefault = "default:\n                    type: EmptyDir";

    [Fact]
    public async Task The_projects_crd_is_accepted_and_served()
    {
        await using var server = await ApiTestServer.StartAsync();

        var resource = server.RegisterCustomResourceDefinition(ProjectManifests.Crd);

        Assert.Equal(("unpackbench.io/v1alpha1", "UnpackBenchmark", true, true), (resource.ApiVersion, resource.Kind, resource.Namespaced, resource.HasStatusSubresource));
    }

    [Fact]
    public async Task The_crd_with_an_empty_storage_default_is_refused_as_kube_apiserver_1_28_refused_it()
    {
        await using var server = await ApiTestServer.StartAsync();
        Assert.Contains(FixedDefault, ProjectManifests.Crd, StringComparison.Ordinal);
        var asItWas = ProjectManifests.Crd.Replace(FixedDefault, "default: {}", StringComparison.Ordinal);

        var error = Assert.Throws<InvalidCustomResourceDefinitionException>(() => server.RegisterCustomResourceDefinition(asItWas));

        const string Default = "spec.validation.openAPIV3Schema.properties[spec].properties[storage].default";
        Assert.Equal(
            "CustomResourceDefinition.apiextensions.k8s.io \"unpackbenchmarks.unpackbench.io\" is invalid: ["
            + $"{Default}: Invalid value: \"object\": no such key: type evaluating rule: storage.hostPath is required when storage.type is HostPath, "
            + $"{Default}: Invalid value: \"object\": no such key: type evaluating rule: storage.claimName is required when storage.type is PersistentVolumeClaim]",
            error.Message);
    }

    [Fact]
    public async Task A_schema_that_is_not_structural_is_refused_before_its_defaults_are_checked()
    {
        await using var server = await ApiTestServer.StartAsync();
        var crd = Crd("""
            type: object
            properties:
              spec:
                properties:
                  runs: {type: integer, default: 0, minimum: 1}
            """);

        var error = Assert.Throws<InvalidCustomResourceDefinitionException>(() => server.RegisterCustomResourceDefinition(crd));

        Assert.Equal("CustomResourceDefinition.apiextensions.k8s.io \"widgets.test.io\" is invalid: spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields", error.Message);
    }

    [Fact]
    public async Task A_default_that_fails_its_own_schema_is_refused()
    {
        await using var server = await ApiTestServer.StartAsync();
        var crd = Crd("{type: object, properties: {spec: {type: object, properties: {runs: {type: integer, default: 0, minimum: 1}}}}}");

        var error = Assert.Throws<InvalidCustomResourceDefinitionException>(() => server.RegisterCustomResourceDefinition(crd));

        var cause = Assert.Single(error.Errors);
        Assert.Equal("spec.validation.openAPIV3Schema.properties[spec].properties[runs].default", cause.Field);
        Assert.StartsWith("Invalid value: 0: ", cause.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rule_that_does_not_compile_is_refused()
    {
        await using var server = await ApiTestServer.StartAsync();
        var crd = Crd("{type: object, properties: {spec: {type: object, x-kubernetes-validations: [{rule: 'self.a ==', message: broken}], properties: {a: {type: string}}}}}");

        var error = Assert.Throws<InvalidCustomResourceDefinitionException>(() => server.RegisterCustomResourceDefinition(crd));

        Assert.Equal("spec.validation.openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule", Assert.Single(error.Errors).Field);
    }

    private static string Crd(string schema) => $$"""
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata: {name: widgets.test.io}
        spec:
          group: test.io
          names: {kind: Widget, plural: widgets}
          scope: Namespaced
          versions:
            - name: v1
              served: true
              storage: true
              schema:
                openAPIV3Schema:
                  {{schema.ReplaceLineEndings("\n          ").Trim()}}
        """;
}
