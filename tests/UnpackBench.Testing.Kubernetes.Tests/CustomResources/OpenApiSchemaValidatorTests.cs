using UnpackBench.Testing.Kubernetes.CustomResources.Schema;
using UnpackBench.Testing.Kubernetes.Fields;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes.Tests.CustomResources;

public sealed class OpenApiSchemaValidatorTests
{
    [Theory]
    [InlineData("whole number is an integer", "type: integer", "5", true)]
    [InlineData("whole number written as a decimal is an integer", "type: integer", "5.0", true)]
    [InlineData("fraction is not an integer", "type: integer", "5.5", false)]
    [InlineData("quoted number is a string, not an integer", "type: integer", "\"5\"", false)]
    [InlineData("integer is a number", "type: number", "5", true)]
    [InlineData("yes is a boolean", "type: boolean", "yes", true)]
    [InlineData("on is not a string", "type: string", "on", false)]
    [InlineData("int-or-string takes an integer", "x-kubernetes-int-or-string: true", "2", true)]
    [InlineData("int-or-string takes a string", "x-kubernetes-int-or-string: true", "1Gi", true)]
    [InlineData("int-or-string refuses a boolean", "x-kubernetes-int-or-string: true", "true", false)]
    [InlineData("array is not an object", "type: object", "[]", false)]
    [InlineData("date-time takes RFC 3339", "{type: string, format: date-time}", "2030-01-01T00:00:00Z", true)]
    [InlineData("date-time refuses a date alone", "{type: string, format: date-time}", "2030-01-01", false)]
    public void Types_follow_the_api_server(string @case, string schema, string value, bool valid)
    {
        Assert.True(valid == (Errors(schema, value).Count == 0), @case);
    }

    [Theory]
    [InlineData("below minimum", "{type: integer, minimum: 1}", "0", "v: Invalid value: 0: v in body should be greater than or equal to 1")]
    [InlineData("above maximum", "{type: integer, maximum: 100}", "101", "v: Invalid value: 101: v in body should be less than or equal to 100")]
    [InlineData("exclusive minimum", "{type: number, minimum: 0, exclusiveMinimum: true}", "0", "v: Invalid value: 0: v in body should be greater than 0")]
    [InlineData("too short", "{type: string, minLength: 1}", "\"\"", "v: Invalid value: \"\": v in body should be at least 1 chars long")]
    [InlineData("too long, in characters", "{type: string, maxLength: 2}", "äöü", "v: Too long: may not be longer than 2")]
    [InlineData("pattern", "{type: string, pattern: '^[^\\s]+$'}", "\"a b\"", "v: Invalid value: \"a b\": v in body should match '^[^\\s]+$'")]
    [InlineData("wrong type", "{type: integer}", "\"5\"", "v: Invalid value: \"string\": v in body must be of type integer: \"string\"")]
    [InlineData("not in the enum", "{type: string, enum: [EmptyDir, HostPath]}", "Tmpfs", "v: Unsupported value: \"Tmpfs\": supported values: \"EmptyDir\", \"HostPath\"")]
    [InlineData("too many items", "{type: array, maxItems: 2, items: {type: string}}", "[a, b, c]", "v: Too many: 3: must have at most 2 items")]
    [InlineData("not a date-time", "{type: string, format: date-time}", "soon", "v: Invalid value: \"soon\": v in body must be of type date-time: \"soon\"")]
    public void Invalid_values_are_reported_as_the_api_server_words_them(string @case, string schema, string value, string message)
    {
        var error = Assert.Single(Errors(schema, value));

        Assert.True(message == error.ToString(), $"{@case}: {error}");
    }

    [Theory]
    [InlineData("{type: integer, minimum: 1}", "0", FieldErrorType.Invalid, "FieldValueInvalid")]
    [InlineData("{type: integer}", "x", FieldErrorType.TypeInvalid, "FieldValueTypeInvalid")]
    [InlineData("{type: string, enum: [a]}", "b", FieldErrorType.NotSupported, "FieldValueNotSupported")]
    [InlineData("{type: string, maxLength: 1}", "ab", FieldErrorType.TooLong, "FieldValueTooLong")]
    public void Each_error_has_the_cause_type_of_the_api_server(string schema, string value, FieldErrorType type, string cause)
    {
        var error = Assert.Single(Errors(schema, value));

        Assert.Equal((type, cause), (error.Type, error.CauseType));
    }

    [Fact]
    public void Missing_required_fields_and_null_ones_are_both_required_errors()
    {
        var errors = Errors("{type: object, required: [a, b], properties: {a: {type: string}, b: {type: string}}}", "{a: ~}");

        Assert.Equal(["v.a: Required value", "v.b: Required value"], errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Unknown_fields_are_not_the_validators_business()
    {
        Assert.Empty(Errors("{type: object, properties: {a: {type: string}}}", "{b: 1}"));
    }

    [Fact]
    public void Additional_properties_schema_checks_every_value()
    {
        var error = Assert.Single(Errors("{type: object, additionalProperties: {type: string}}", "{a: x, b: 2}"));

        Assert.Equal("v.b", error.Field);
    }

    [Fact]
    public void List_map_items_with_the_same_key_are_duplicates()
    {
        var schema = YamlDocuments.ParseSingle("{type: array, x-kubernetes-list-type: map, x-kubernetes-list-map-keys: [type], items: {type: object, properties: {type: {type: string}}}}");

        var error = Assert.Single(ListTypeValidator.Validate(YamlDocuments.Parse("[{type: Ready}, {type: Ready}]")[0], schema, "v"));

        Assert.Equal("v[1]: Duplicate value: map[string]interface {}{\"type\":\"Ready\"}", error.ToString());
    }

    [Fact]
    public void Any_of_needs_one_passing_branch()
    {
        const string schema = "{anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true}";

        Assert.Empty(Errors(schema, "3"));
        Assert.NotEmpty(Errors(schema, "[1]"));
    }

    private static IReadOnlyList<FieldError> Errors(string schemaYaml, string valueYaml) =>
        OpenApiSchemaValidator.Validate(YamlDocuments.Parse(valueYaml).SingleOrDefault(), YamlDocuments.ParseSingle(schemaYaml), "v");
}
