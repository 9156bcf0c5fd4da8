using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Yaml;

namespace UnpackBench.Testing.Kubernetes.CustomResources;

/// <summary>
/// An apiextensions.k8s.io/v1 CustomResourceDefinition as the test server reads it: the CRD's name, group,
/// names, scope and versions, each with its openAPIV3Schema and status subresource.
/// </summary>
public sealed record CustomResourceDefinition(
    string Name,
    string Group,
    string Kind,
    string Plural,
    bool Namespaced,
    IReadOnlyList<CustomResourceDefinitionVersion> Versions,
    JsonObject Document)
{
    /// <summary>Reads a CRD from YAML or JSON.</summary>
    /// <exception cref="FormatException">It is not one CustomResourceDefinition document.</exception>
    public static CustomResourceDefinition Parse(string yamlOrJson)
    {
        var document = YamlDocuments.ParseSingle(yamlOrJson);
        if (ObjectMeta.Text(document, "kind") != "CustomResourceDefinition" || ObjectMeta.Text(document, "apiVersion") != "apiextensions.k8s.io/v1")
        {
            throw new FormatException($"expected an apiextensions.k8s.io/v1 CustomResourceDefinition, got {ObjectMeta.Text(document, "apiVersion")} {ObjectMeta.Text(document, "kind")}");
        }

        var spec = document["spec"] as JsonObject ?? new JsonObject();
        var versions = (spec["versions"] as JsonArray)?.OfType<JsonObject>().Select(CustomResourceDefinitionVersion.From).ToList() ?? [];
        return new CustomResourceDefinition(
            ObjectMeta.Name(document) ?? "",
            ObjectMeta.Text(spec, "group") ?? "",
            ObjectMeta.Text(spec, "names", "kind") ?? "",
            ObjectMeta.Text(spec, "names", "plural") ?? "",
            ObjectMeta.Text(spec, "scope") != "Cluster",
            versions,
            document);
    }

    /// <summary>
    /// Where the API server reports schema errors: <c>spec.validation.openAPIV3Schema</c> when every version
    /// has the same schema (the server then keeps one), else <c>spec.versions[i].schema.openAPIV3Schema</c>.
    /// </summary>
    public string SchemaPath(int versionIndex) =>
        Versions.All(v => JsonNode.DeepEquals(v.Schema, Versions[0].Schema))
            ? "spec.validation.openAPIV3Schema"
            : $"spec.versions[{versionIndex}].schema.openAPIV3Schema";
}

/// <summary>One version of a CRD.</summary>
/// <param name="Name">The version, e.g. <c>v1alpha1</c>.</param>
/// <param name="Served">Whether it is served.</param>
/// <param name="Storage">Whether it is the storage version.</param>
/// <param name="Schema">Its openAPIV3Schema, if any.</param>
/// <param name="StatusSubresource">Whether <c>subresources.status</c> is set.</param>
public sealed record CustomResourceDefinitionVersion(string Name, bool Served, bool Storage, JsonObject? Schema, bool StatusSubresource)
{
    internal static CustomResourceDefinitionVersion From(JsonObject version) => new(
        ObjectMeta.Text(version, "name") ?? "",
        version["served"] is JsonValue served && served.TryGetValue<bool>(out var s) && s,
        version["storage"] is JsonValue storage && storage.TryGetValue<bool>(out var t) && t,
        version["schema"]?["openAPIV3Schema"] as JsonObject,
        version["subresources"]?["status"] is not null);
}
