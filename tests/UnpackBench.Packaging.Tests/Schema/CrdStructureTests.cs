using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Schema;

public sealed class CrdStructureTests
{
    [Fact]
    public void Every_version_schema_is_structural()
    {
        foreach (var (version, schema, _) in Crd.Versions(Crd.Load()))
        {
            var problems = StructuralSchemaChecker.Problems(schema);
            Assert.True(problems.Count == 0, $"{version}: {string.Join("; ", problems)}");
        }
    }

    [Fact]
    public void Exactly_one_version_is_stored_and_every_version_has_a_status_subresource()
    {
        var versions = Crd.Versions(Crd.Load()).ToList();
        Assert.Single(versions, v => v.Definition["storage"]?.GetValue<bool>() == true);
        Assert.All(versions, v => Assert.NotNull(v.Definition["subresources"]?["status"]));
    }

    [Fact]
    public void Every_printer_column_reads_a_field_the_schema_declares()
    {
        foreach (var (version, schema, definition) in Crd.Versions(Crd.Load()))
        {
            foreach (var column in definition["additionalPrinterColumns"]?.AsArray().OfType<JsonObject>() ?? [])
            {
                var path = column["jsonPath"]!.GetValue<string>();
                Assert.True(Resolves(schema, path), $"{version}: printer column {column["name"]} reads {path}, which the schema does not declare");
            }
        }
    }

    [Fact]
    public void The_printer_columns_are_the_ones_the_readme_shows()
    {
        var (_, _, definition) = Crd.Versions(Crd.Load()).Single();
        var names = definition["additionalPrinterColumns"]!.AsArray().Select(c => c!["name"]!.GetValue<string>());
        Assert.Equal(["Image", "Progress", "Phase", "Median", "MB/s", "Node", "Age"], names);
    }

    [Fact]
    public void Ref_anywhere_makes_a_schema_non_structural()
    {
        var schema = YamlDocuments.ParseSingle("{type: object, properties: {spec: {$ref: '#/definitions/x'}}}");
        Assert.Contains(StructuralSchemaChecker.Problems(schema), p => p.Contains("$ref", StringComparison.Ordinal));
    }

    [Fact]
    public void Object_without_type_makes_a_schema_non_structural()
    {
        var schema = YamlDocuments.ParseSingle("{type: object, properties: {spec: {properties: {a: {type: string}}}}}");
        Assert.Contains("spec: has no type", StructuralSchemaChecker.Problems(schema));
    }

    [Fact]
    public void Default_that_fails_its_own_schema_is_reported()
    {
        var schema = YamlDocuments.ParseSingle("{type: object, properties: {runs: {type: integer, minimum: 1, default: 0}}}");
        Assert.Contains(StructuralSchemaChecker.Problems(schema), p => p.StartsWith("runs: the default does not validate", StringComparison.Ordinal));
    }

    private static bool Resolves(JsonObject schema, string jsonPath)
    {
        var parts = jsonPath.TrimStart('.').Split('.');
        if (parts[0] == "metadata")
        {
            return parts.Length == 2 && parts[1] is "name" or "namespace" or "creationTimestamp" or "generation";
        }

        JsonNode? node = schema;
        foreach (var part in parts)
        {
            node = node?["properties"]?[part];
        }

        return node is not null;
    }
}
