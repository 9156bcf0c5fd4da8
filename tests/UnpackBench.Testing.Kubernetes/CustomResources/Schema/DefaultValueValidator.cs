using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.CustomResources.Cel;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// What the API server checks of every <c>default</c> in a CRD's schema: it has no fields the schema would
/// prune, it validates against its node's schema, and then against the x-kubernetes-validations of that node
/// and the nodes below — all on the default as written, without applying the defaults nested in it. So
/// <c>storage: {default: {}}</c> with a rule reading <c>self.type</c> fails with
/// <c>…properties[storage].default: Invalid value: "object": no such key: type evaluating rule: …</c>.
/// </summary>
internal static class DefaultValueValidator
{
    public static IReadOnlyList<FieldError> Validate(JsonObject schema, string path)
    {
        var errors = new List<FieldError>();
        Walk(schema, path, isRoot: true, errors);
        return errors;
    }

    private static void Walk(JsonObject schema, string path, bool isRoot, List<FieldError> errors)
    {
        if (schema["default"] is { } defaultValue)
        {
            errors.AddRange(Check(defaultValue, schema, $"{path}.default"));
        }

        if (Items(schema) is { } items)
        {
            Walk(items, $"{path}.items", false, errors);
        }

        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            // The root's metadata is ObjectMeta, whose defaults the server checks otherwise.
            if (!(isRoot && name == "metadata"))
            {
                Walk(child!.AsObject(), $"{path}.properties[{name}]", false, errors);
            }
        }
    }

    private static List<FieldError> Check(JsonNode defaultValue, JsonObject schema, string path)
    {
        if (defaultValue is JsonObject obj)
        {
            var pruned = (JsonObject)obj.DeepClone();
            var wrapper = new JsonObject { ["v"] = pruned };
            SchemaPruner.Prune(wrapper, new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["v"] = schema.DeepClone() } });
            if (!JsonNode.DeepEquals(wrapper["v"], obj))
            {
                return [FieldError.Invalid(path, defaultValue.DeepClone(), "must not have unknown fields")];
            }
        }

        var schemaErrors = OpenApiSchemaValidator.Validate(defaultValue, schema);
        if (schemaErrors.Count > 0)
        {
            return schemaErrors.Select(e => e with { Field = e.Field == FieldError.NoField ? path : $"{path}.{e.Field}" }).ToList();
        }

        return CelRuleValidator.Validate(defaultValue, defaultValue, schema)
            .Select(e => e with { Field = e.Field == FieldError.NoField ? path : $"{path}.{e.Field}" })
            .ToList();
    }
}
