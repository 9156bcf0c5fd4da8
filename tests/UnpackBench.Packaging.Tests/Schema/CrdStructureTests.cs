using System.Text.Json.Nodes;
using UnpackBench.Packaging.Tests.Infrastructure;
using UnpackBench.Testing.Kubernetes;

namespace UnpackBench.Packaging.Tests.Schema;

public sealed class CrdStructureTests
{
    [Fact]
    public async Task The_api_server_accepts_the_crd_and_the_charts_copy()
    {
        foreach (var file in new[] { Crd.File, Crd.ChartFile })
        {
            await using var server = await ApiTestServer.StartAsync();

            var resource = server.RegisterCustomResourceDefinition(Repository.Read(file));

            Assert.Equal(("unpackbench.io", "v1alpha1", "unpackbenchmarks", "UnpackBenchmark"), (resource.Group, resource.Version, resource.Plural, resource.Kind));
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
        Assert.Equal(["Mode", "Image", "Progress", "Phase", "Median", "MB/s", "Predicted", "Node", "Nodes", "Spread", "Age"], names);
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
