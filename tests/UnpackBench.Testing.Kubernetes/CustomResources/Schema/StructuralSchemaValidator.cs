using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// The checks the API server makes on a CRD's openAPIV3Schema before it accepts it, with its messages and
/// paths (<c>spec.validation.openAPIV3Schema.properties[spec].type: Required value: must not be empty for
/// specified object fields</c>): a structural schema has a type everywhere (unless int-or-string or
/// preserving unknown fields), arrays with items, an object root without additionalProperties, metadata
/// restricted to name and generateName, nothing but value validations inside anyOf/allOf/oneOf/not (the
/// int-or-string pattern aside); no $ref, no uniqueItems, no additionalProperties: false, no properties next
/// to additionalProperties; list-map keys required or defaulted; and keywords the server knows. Errors are
/// sorted as the API server sorts them.
/// </summary>
internal static class StructuralSchemaValidator
{
    private enum Level
    {
        Root,
        Item,
        Field,
    }

    public static IReadOnlyList<FieldError> Validate(JsonObject root, string path)
    {
        var errors = new List<FieldError>();
        Walk(root, Level.Root, path, errors);
        if (Type(root) is { } type && type != "object")
        {
            errors.Add(FieldError.Invalid($"{path}.type", type, "must be object at the root"));
        }

        if (Property(root, "metadata") is { } metadata && metadata.Any(p => p.Key is not ("type" or "properties" or "description"))
            || (Property(root, "metadata")?["properties"] as JsonObject)?.Any(p => p.Key is not ("name" or "generateName")) == true)
        {
            errors.Add(FieldError.Forbidden($"{path}.properties[metadata]", "must not specify anything other than name and generateName, but metadata is implicitly specified"));
        }

        return errors.OrderBy(e => e.ToString(), StringComparer.Ordinal).ToList();
    }

    private static void Walk(JsonObject schema, Level level, string path, List<FieldError> errors)
    {
        CheckKeywords(schema, path, errors);
        var preserves = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
        var intOrString = IsTrue(schema, "x-kubernetes-int-or-string");
        if (Type(schema) is null && !intOrString && !preserves)
        {
            var where = level switch { Level.Root => "at the root", Level.Item => "for specified array items", _ => "for specified object fields" };
            errors.Add(FieldError.Required($"{path}.type", $"must not be empty {where}"));
        }

        if (Type(schema) == "array" && Items(schema) is null)
        {
            errors.Add(FieldError.Required($"{path}.items", "must be specified"));
        }

        switch (schema["additionalProperties"])
        {
            case JsonObject when level == Level.Root:
                errors.Add(FieldError.Forbidden($"{path}.additionalProperties", "must not be used at the root"));
                break;
            case JsonObject when schema["properties"] is not null:
                errors.Add(FieldError.Forbidden($"{path}.additionalProperties", "additionalProperties and properties are mutual exclusive"));
                break;
            case JsonValue allowed when !allowed.GetValue<bool>():
                errors.Add(FieldError.Forbidden($"{path}.additionalProperties", "additionalProperties cannot be set to false"));
                break;
        }

        CheckListMapKeys(schema, path, errors);
        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            Walk(child!.AsObject(), Level.Field, $"{path}.properties[{name}]", errors);
        }

        if (Items(schema) is { } items)
        {
            Walk(items, Level.Item, $"{path}.items", errors);
        }

        if (AdditionalProperties(schema) is { } additional)
        {
            Walk(additional, Level.Field, $"{path}.additionalProperties", errors);
        }

        JunctorChecks.Check(schema, path, intOrString, errors);
    }

    internal static void CheckKeywords(JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var keyword in schema.Select(p => p.Key).Where(k => !Evaluated.Contains(k) && !Annotations.Contains(k)))
        {
            errors.Add(keyword switch
            {
                "$ref" => FieldError.Forbidden($"{path}.$ref", "$ref is not supported"),
                _ => FieldError.Forbidden($"{path}.{keyword}", "the API test server does not know this schema keyword"),
            });
        }

        if (IsTrue(schema, "uniqueItems"))
        {
            errors.Add(FieldError.Forbidden($"{path}.uniqueItems", "uniqueItems cannot be set to true since the runtime complexity becomes quadratic"));
        }
    }

    private static void CheckListMapKeys(JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["x-kubernetes-list-type"]?.GetValue<string>() != "map")
        {
            return;
        }

        var required = schema["items"]?["required"]?.AsArray().Select(r => r!.GetValue<string>()).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var key in schema["x-kubernetes-list-map-keys"]?.AsArray().Select(k => k!.GetValue<string>()) ?? [])
        {
            if (!required.Contains(key) && schema["items"]?["properties"]?[key]?["default"] is null)
            {
                errors.Add(FieldError.Required($"{path}.items.properties[{key}].default", "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property"));
            }
        }
    }
}
