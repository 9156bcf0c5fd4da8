using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

public sealed class SchemaPruningAndDefaultingTests
{
    private const string Schema = """
        type: object
        properties:
          metadata: {type: object}
          spec:
            type: object
            properties:
              runs: {type: integer, default: 5}
              items: {type: array, items: {type: object, properties: {name: {type: string}}}}
              labels: {type: object, additionalProperties: {type: string}}
              free: {type: object, x-kubernetes-preserve-unknown-fields: true}
              storage:
                type: object
                default: {type: EmptyDir}
                properties:
                  type: {type: string, default: EmptyDir}
                  sizeLimit: {type: string, default: 1Gi}
        """;

    [Fact]
    public void Pruning_removes_unknown_fields_at_any_depth_and_says_which()
    {
        var resource = YamlDocuments.ParseSingle("{apiVersion: a/v1, kind: K, metadata: {name: x}, extra: 1, spec: {snapshoter: n, items: [{name: a, nmae: b}], labels: {any: thing}, free: {kept: 1}}}");

        var unknown = SchemaPruner.Prune(resource, YamlDocuments.ParseSingle(Schema));

        Assert.Equal(["extra", "spec.items[0].nmae", "spec.snapshoter"], unknown);
        Assert.Equal("{\"apiVersion\":\"a/v1\",\"kind\":\"K\",\"metadata\":{\"name\":\"x\"},\"spec\":{\"items\":[{\"name\":\"a\"}],\"labels\":{\"any\":\"thing\"},\"free\":{\"kept\":1}}}", resource.ToJsonString());
    }

    [Fact]
    public void A_null_in_a_field_that_is_not_nullable_is_dropped_and_then_defaulted()
    {
        var resource = YamlDocuments.ParseSingle("{spec: {runs: null}}");
        var schema = YamlDocuments.ParseSingle(Schema);

        SchemaPruner.Prune(resource, schema);
        SchemaDefaulter.Default(resource, schema);

        Assert.Equal(5, resource["spec"]!["runs"]!.GetValue<long>());
    }

    [Fact]
    public void Defaults_apply_to_missing_fields_and_then_inside_the_defaults()
    {
        var resource = YamlDocuments.ParseSingle("{spec: {storage: {type: HostPath}}}");
        var empty = YamlDocuments.ParseSingle("{spec: {}}");
        var schema = YamlDocuments.ParseSingle(Schema);

        SchemaDefaulter.Default(resource, schema);
        SchemaDefaulter.Default(empty, schema);

        Assert.Equal("{\"type\":\"HostPath\",\"sizeLimit\":\"1Gi\"}", resource["spec"]!["storage"]!.ToJsonString());
        Assert.Equal("{\"runs\":5,\"storage\":{\"type\":\"EmptyDir\",\"sizeLimit\":\"1Gi\"}}", empty["spec"]!.ToJsonString());
    }
}
