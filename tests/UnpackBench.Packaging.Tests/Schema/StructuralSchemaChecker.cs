using System.Text.Json.Nodes;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>
/// The structural-schema rules the API server enforces on a CRD's schema, those a test can check:
/// no <c>$ref</c>; every node has a type (unless it is int-or-string or preserves unknown fields);
/// nothing but value checks inside anyOf/allOf/oneOf/not; not both properties and additionalProperties;
/// no uniqueItems; defaults that validate; list-map keys that are required; at the root, metadata
/// restricted to name and generateName; and only keywords <see cref="OpenApiSchemaValidator"/> knows.
/// </summary>
internal static class StructuralSchemaChecker
{
    private static readonly string[] Junctors = ["anyOf", "allOf", "oneOf", "not"];
    private static readonly string[] ForbiddenInJunctors = ["description", "type", "default", "additionalProperties", "nullable", "x-kubernetes-preserve-unknown-fields"];

    /// <summary>What is wrong with <paramref name="root"/> (an openAPIV3Schema), each a sentence.</summary>
    public static IReadOnlyList<string> Problems(JsonObject root)
    {
        var problems = new List<string>();
        if (root["properties"]?["metadata"] is JsonObject metadata && metadata.Any(p => p.Key is not ("type" or "properties")))
        {
            problems.Add("metadata at the root may only be 'type: object' (with restrictions on name and generateName)");
        }

        Walk(root, "", insideJunctor: false, problems);
        return problems;
    }

    private static void Walk(JsonObject schema, string path, bool insideJunctor, List<string> problems)
    {
        var known = schema.Select(p => p.Key).Where(k => !OpenApiSchemaValidator.Evaluated.Contains(k) && !OpenApiSchemaValidator.Annotations.Contains(k));
        problems.AddRange(known.Select(k => $"{Show(path)}: keyword {k} is not known to the test's validator"));
        if (schema.ContainsKey("$ref"))
        {
            problems.Add($"{Show(path)}: $ref is not allowed in a structural schema");
        }

        var intOrString = IsTrue(schema, "x-kubernetes-int-or-string");
        if (insideJunctor)
        {
            problems.AddRange(ForbiddenInJunctors.Where(schema.ContainsKey).Select(k => $"{Show(path)}: {k} is not allowed inside anyOf/allOf/oneOf/not"));
        }
        else if (!schema.ContainsKey("type") && !intOrString && !IsTrue(schema, "x-kubernetes-preserve-unknown-fields"))
        {
            problems.Add($"{Show(path)}: has no type");
        }

        if (schema.ContainsKey("properties") && schema.ContainsKey("additionalProperties"))
        {
            problems.Add($"{Show(path)}: properties and additionalProperties are mutually exclusive");
        }

        if (IsTrue(schema, "uniqueItems"))
        {
            problems.Add($"{Show(path)}: uniqueItems is forbidden; use x-kubernetes-list-type: set or map");
        }

        if (schema["default"] is { } defaultValue && OpenApiSchemaValidator.Validate(defaultValue, schema, path) is { Count: > 0 } errors)
        {
            problems.Add($"{Show(path)}: the default does not validate: {string.Join("; ", errors)}");
        }

        CheckListMapKeys(schema, path, problems);
        WalkChildren(schema, path, insideJunctor, intOrString, problems);
    }

    private static void WalkChildren(JsonObject schema, string path, bool insideJunctor, bool intOrString, List<string> problems)
    {
        foreach (var (name, child) in (schema["properties"] as JsonObject) ?? [])
        {
            Walk(child!.AsObject(), Join(path, name), insideJunctor, problems);
        }

        if (schema["items"] is JsonObject items)
        {
            Walk(items, path + "[*]", insideJunctor, problems);
        }

        if (schema["additionalProperties"] is JsonObject additional)
        {
            Walk(additional, Join(path, "*"), insideJunctor, problems);
        }

        foreach (var junctor in Junctors)
        {
            var branches = schema[junctor] switch
            {
                JsonArray array => array.OfType<JsonObject>().ToList(),
                JsonObject single => [single],
                _ => [],
            };

            // The one exception: int-or-string's anyOf: [{type: integer}, {type: string}].
            var allowed = intOrString && junctor == "anyOf" && branches.All(b => b.Count == 1 && b["type"]?.GetValue<string>() is "integer" or "string");
            foreach (var branch in branches)
            {
                Walk(branch, $"{path}({junctor})", insideJunctor: !allowed, problems);
            }
        }
    }

    private static void CheckListMapKeys(JsonObject schema, string path, List<string> problems)
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
                problems.Add($"{Show(path)}: list-map key {key} must be required or have a default");
            }
        }
    }

    private static bool IsTrue(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Show(string path) => path.Length == 0 ? "(root)" : path;
}
