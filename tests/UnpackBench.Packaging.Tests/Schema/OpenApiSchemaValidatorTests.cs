using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Schema;

public sealed class OpenApiSchemaValidatorTests
{
    private static JsonObject Schema(string yaml) => YamlDocuments.ParseSingle(yaml);

    private static IReadOnlyList<SchemaError> Errors(string schemaYaml, string valueYaml) =>
        OpenApiSchemaValidator.Validate(YamlDocuments.Parse(valueYaml).SingleOrDefault(), Schema(schemaYaml), "v");

    [Theory]
    [InlineData("whole number is an integer", "type: integer", "5", true)]
    [InlineData("whole number written as a decimal is an integer", "type: integer", "5.0", true)]
    [InlineData("fraction is not an integer", "type: integer", "5.5", false)]
    [InlineData("quoted number is a string, not an integer", "type: integer", "\"5\"", false)]
    [InlineData("integer is a number", "type: number", "5", true)]
    [InlineData("fraction is a number", "type: number", "0.25", true)]
    [InlineData("yes is a boolean", "type: boolean", "yes", true)]
    [InlineData("on is not a string", "type: string", "on", false)]
    [InlineData("int-or-string takes an integer", "x-kubernetes-int-or-string: true", "2", true)]
    [InlineData("int-or-string takes a string", "x-kubernetes-int-or-string: true", "1Gi", true)]
    [InlineData("int-or-string refuses a boolean", "x-kubernetes-int-or-string: true", "true", false)]
    [InlineData("int-or-string refuses a fraction", "x-kubernetes-int-or-string: true", "1.5", false)]
    [InlineData("array is not an object", "type: object", "[]", false)]
    public void Types_follow_the_api_server(string @case, string schema, string value, bool valid)
    {
        Assert.True(valid == (Errors(schema, value).Count == 0), @case);
    }

    [Theory]
    [InlineData("below minimum", "{type: integer, minimum: 1}", "0", "0: v in body should be greater than or equal to 1")]
    [InlineData("above maximum", "{type: integer, maximum: 100}", "101", "101: v in body should be less than or equal to 100")]
    [InlineData("exclusive minimum", "{type: number, minimum: 0, exclusiveMinimum: true}", "0", "0: v in body should be greater than 0")]
    [InlineData("too short", "{type: string, minLength: 1}", "\"\"", "\"\": v in body should be at least 1 chars long")]
    [InlineData("too long in characters, not bytes", "{type: string, maxLength: 2}", "äöü", "\"\\u00E4\\u00F6\\u00FC\": v in body should be at most 2 chars long")]
    [InlineData("pattern", "{type: string, pattern: '^[^\\s]+$'}", "\"a b\"", "\"a b\": v in body should match '^[^\\s]+$'")]
    [InlineData("wrong type", "{type: integer}", "\"5\"", "\"string\": v in body must be of type integer: \"string\"")]
    public void Invalid_values_are_reported_as_kubectl_words_them(string @case, string schema, string value, string detail)
    {
        var error = Assert.Single(Errors(schema, value));
        Assert.Equal(SchemaErrorType.Invalid, error.Type);
        Assert.True(detail == error.Detail, $"{@case}: {error.Detail}");
    }

    [Fact]
    public void Two_characters_fit_a_max_length_of_two_even_when_they_take_four_bytes()
    {
        Assert.Empty(Errors("{type: string, maxLength: 2}", "äö"));
    }

    [Fact]
    public void Value_outside_the_enum_is_not_supported()
    {
        var error = Assert.Single(Errors("{type: string, enum: [EmptyDir, HostPath]}", "Tmpfs"));
        Assert.Equal(SchemaErrorType.NotSupported, error.Type);
        Assert.Equal("v: Unsupported value: \"Tmpfs\": supported values: \"EmptyDir\", \"HostPath\"", error.ToString());
    }

    [Fact]
    public void Empty_string_in_the_enum_is_allowed()
    {
        Assert.Empty(Errors("{type: string, enum: ['', NoSchedule]}", "''"));
    }

    [Fact]
    public void Missing_required_field_and_null_required_field_are_both_required_errors()
    {
        const string schema = "{type: object, required: [a, b], properties: {a: {type: string}, b: {type: string}}}";
        var errors = Errors(schema, "{a: ~}");
        Assert.Equal(["v.a: Required value", "v.b: Required value"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Null_in_an_optional_field_is_pruned_not_a_type_error()
    {
        Assert.Empty(Errors("{type: object, properties: {runs: {type: integer}}}", "{runs: null}"));
    }

    [Fact]
    public void Unknown_fields_are_errors_at_any_depth()
    {
        const string schema = "{type: object, properties: {spec: {type: object, properties: {items: {type: array, items: {type: object, properties: {name: {type: string}}}}}}}}";
        var errors = Errors(schema, "{spec: {items: [{name: a, nmae: b}]}, extra: 1}");
        Assert.Equal(["unknown field \"v.spec.items[0].nmae\"", "unknown field \"v.extra\""], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Object_without_properties_accepts_no_fields_unless_it_preserves_unknown_fields()
    {
        Assert.Single(Errors("{type: object}", "{a: 1}"));
        Assert.Empty(Errors("{type: object, x-kubernetes-preserve-unknown-fields: true}", "{a: 1}"));
    }

    [Fact]
    public void Additional_properties_schema_checks_every_value()
    {
        var error = Assert.Single(Errors("{type: object, additionalProperties: {type: string}}", "{a: x, b: 2}"));
        Assert.Equal("v.b", error.Path);
    }

    [Fact]
    public void Too_many_items_are_reported()
    {
        var error = Assert.Single(Errors("{type: array, maxItems: 2, items: {type: string}}", "[a, b, c]"));
        Assert.Equal("v: Too many: 3: must have at most 2 items", error.ToString());
    }

    [Fact]
    public void List_map_items_with_the_same_key_are_duplicates()
    {
        const string schema = "{type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [type], items: {type: object, properties: {type: {type: string}}}}";
        var error = Assert.Single(Errors(schema, "[{type: Ready}, {type: Ready}]"));
        Assert.Equal(SchemaErrorType.Duplicate, error.Type);
        Assert.Equal("v[1]", error.Path);
    }

    [Fact]
    public void Any_of_needs_one_passing_branch()
    {
        const string schema = "{anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true}";
        Assert.Empty(Errors(schema, "3"));
        Assert.NotEmpty(Errors(schema, "[1]"));
    }

    [Fact]
    public void Keyword_the_validator_does_not_know_is_refused_rather_than_ignored()
    {
        Assert.Throws<NotSupportedException>(() => Errors("{type: string, contentEncoding: base64}", "x"));
    }

    [Theory]
    [InlineData("HostPath with a path holds", "{type: HostPath, hostPath: /data}", true)]
    [InlineData("HostPath without a path fails", "{type: HostPath}", false)]
    [InlineData("the default type needs no path", "{}", true)]
    public void Cel_rules_are_evaluated_after_defaulting(string @case, string value, bool valid)
    {
        const string schema = """
            type: object
            properties:
              type: {type: string, default: EmptyDir}
              hostPath: {type: string}
            x-kubernetes-validations:
              - rule: "self.type != 'HostPath' || has(self.hostPath)"
                message: storage.hostPath is required when storage.type is HostPath
            """;
        Assert.True(valid == (Errors(schema, value).Count == 0), @case);
    }

    [Fact]
    public void Cel_rule_outside_the_subset_is_refused()
    {
        const string schema = "{type: object, properties: {a: {type: integer}}, x-kubernetes-validations: [{rule: 'self.a > 1'}]}";
        Assert.Throws<NotSupportedException>(() => Errors(schema, "{a: 2}"));
    }
}
