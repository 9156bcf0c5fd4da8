using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

public sealed class StructuralSchemaValidatorTests
{
    private const string Root = "spec.validation.openAPIV3Schema";

    [Theory]
    [InlineData("field without a type", "{type: object, properties: {spec: {properties: {a: {type: string}}}}}",
        "spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for specified object fields")]
    [InlineData("array items without a type", "{type: object, properties: {l: {type: array, items: {description: x}}}}",
        "spec.validation.openAPIV3Schema.properties[l].items.type: Required value: must not be empty for specified array items")]
    [InlineData("array without items", "{type: object, properties: {l: {type: array}}}",
        "spec.validation.openAPIV3Schema.properties[l].items: Required value: must be specified")]
    [InlineData("$ref", "{type: object, properties: {spec: {$ref: '#/definitions/x'}}}",
        "spec.validation.openAPIV3Schema.properties[spec].$ref: Forbidden: $ref is not supported")]
    [InlineData("metadata beyond name", "{type: object, properties: {metadata: {type: object, properties: {labels: {type: object}}}}}",
        "spec.validation.openAPIV3Schema.properties[metadata]: Forbidden: must not specify anything other than name and generateName, but metadata is implicitly specified")]
    [InlineData("uniqueItems", "{type: object, properties: {l: {type: array, uniqueItems: true, items: {type: string}}}}",
        "spec.validation.openAPIV3Schema.properties[l].uniqueItems: Forbidden: uniqueItems cannot be set to true since the runtime complexity becomes quadratic")]
    [InlineData("type inside anyOf", "{type: object, properties: {a: {type: string, anyOf: [{type: string}]}}}",
        "spec.validation.openAPIV3Schema.properties[a].anyOf[0].type: Forbidden: must be empty to be structural")]
    [InlineData("root that is not an object", "{type: string}",
        "spec.validation.openAPIV3Schema.type: Invalid value: \"string\": must be object at the root")]
    public void A_schema_that_is_not_structural_is_refused_with_the_api_servers_message(string @case, string schema, string message)
    {
        var errors = StructuralSchemaValidator.Validate(YamlDocuments.ParseSingle(schema), Root);

        Assert.True(errors.Select(e => e.ToString()).Contains(message), $"{@case}: {string.Join("; ", errors)}");
    }

    [Fact]
    public void The_int_or_string_pattern_is_the_one_junctor_with_types()
    {
        var schema = YamlDocuments.ParseSingle("{type: object, properties: {q: {x-kubernetes-int-or-string: true, anyOf: [{type: integer}, {type: string}]}}}");

        Assert.Empty(StructuralSchemaValidator.Validate(schema, Root));
    }
}
