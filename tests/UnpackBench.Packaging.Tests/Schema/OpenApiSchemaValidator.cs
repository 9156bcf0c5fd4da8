using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace UnpackBench.Packaging.Tests.Schema;

/// <summary>
/// Validates a JSON value against a CRD's OpenAPI v3 (structural) schema the way the API server does
/// on <c>kubectl apply</c> with strict field validation: types (integer is a whole number, number any),
/// required, minimum/maximum, min/maxLength (in characters), pattern, enum, min/maxItems, list-type
/// uniqueness, additionalProperties, anyOf/allOf/oneOf/not, x-kubernetes-int-or-string, and unknown
/// fields as errors. Nulls in non-nullable fields are dropped first, as the API server prunes them.
/// Defaults are not applied (except where a CEL rule reads a defaulted field); CEL rules are evaluated
/// by <see cref="CelSubset"/>. A keyword the validator does not know throws, so a new keyword in the
/// CRD cannot be silently ignored.
/// </summary>
internal static class OpenApiSchemaValidator
{
    /// <summary>Keywords that say nothing about validity (or are checked by <see cref="StructuralSchemaChecker"/>).</summary>
    public static readonly IReadOnlySet<string> Annotations = new HashSet<string>(StringComparer.Ordinal)
    {
        "description", "title", "example", "externalDocs", "default", "format", "x-kubernetes-map-type", "x-kubernetes-embedded-resource",
    };

    /// <summary>Keywords the validator evaluates.</summary>
    public static readonly IReadOnlySet<string> Evaluated = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "properties", "additionalProperties", "required", "items", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum",
        "multipleOf", "minLength", "maxLength", "pattern", "enum", "minItems", "maxItems", "uniqueItems", "minProperties", "maxProperties",
        "anyOf", "allOf", "oneOf", "not", "nullable", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    };

    /// <summary>The errors of <paramref name="value"/> at <paramref name="path"/> against <paramref name="schema"/>.</summary>
    public static IReadOnlyList<SchemaError> Validate(JsonNode? value, JsonObject schema, string path = "")
    {
        var errors = new List<SchemaError>();
        Check(value, schema, path, errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<SchemaError> errors)
    {
        RejectUnknownKeywords(schema, path);
        if (value is null)
        {
            return;
        }

        if (!CheckType(value, schema, path, errors))
        {
            return;
        }

        switch (value)
        {
            case JsonObject obj:
                CheckObject(obj, schema, path, errors);
                break;
            case JsonArray array:
                CheckArray(array, schema, path, errors);
                break;
            case JsonValue scalar:
                CheckScalar(scalar, schema, path, errors);
                break;
        }

        CheckEnum(value, schema, path, errors);
        CheckJunctors(value, schema, path, errors);
        if (schema["x-kubernetes-validations"] is JsonArray rules && value is JsonObject self)
        {
            foreach (var rule in rules.OfType<JsonObject>())
            {
                if (!CelSubset.Holds(rule["rule"]!.GetValue<string>(), self, schema))
                {
                    errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"\"object\": {rule["message"]?.GetValue<string>() ?? $"failed rule: {rule["rule"]}"}"));
                }
            }
        }
    }

    private static void RejectUnknownKeywords(JsonObject schema, string path)
    {
        var unknown = schema.Select(p => p.Key).Where(k => !Evaluated.Contains(k) && !Annotations.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            throw new NotSupportedException($"the schema at '{path}' uses {string.Join(", ", unknown)}, which this validator does not evaluate; teach it before relying on it");
        }
    }

    private static bool CheckType(JsonNode value, JsonObject schema, string path, List<SchemaError> errors)
    {
        var actual = TypeOf(value);
        var expected = schema["type"]?.GetValue<string>();
        bool matches;
        if (expected is null)
        {
            matches = !IsTrue(schema, "x-kubernetes-int-or-string") || actual is "integer" or "string";
            expected = "integer or string";
        }
        else
        {
            matches = expected == actual || (expected == "number" && actual == "integer");
        }

        if (!matches)
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"\"{actual}\": {InBody(path)} must be of type {expected}: \"{actual}\""));
        }

        return matches;
    }

    private static void CheckObject(JsonObject obj, JsonObject schema, string path, List<SchemaError> errors)
    {
        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (obj[name] is null)
            {
                errors.Add(new SchemaError(Join(path, name), SchemaErrorType.Required, ""));
            }
        }

        CheckCount(obj.Count, schema, "minProperties", "maxProperties", "properties", path, errors);
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var preserveUnknown = IsTrue(schema, "x-kubernetes-preserve-unknown-fields");
        foreach (var (name, child) in obj)
        {
            if (properties?[name] is JsonObject property)
            {
                Check(child, property, Join(path, name), errors);
            }
            else if (additional is JsonObject additionalSchema)
            {
                Check(child, additionalSchema, Join(path, name), errors);
            }
            else if (!preserveUnknown && !(additional is JsonValue allowed && allowed.GetValue<bool>()))
            {
                errors.Add(new SchemaError(Join(path, name), SchemaErrorType.UnknownField, ""));
            }
        }
    }

    private static void CheckArray(JsonArray array, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.TooMany, $"{array.Count}: must have at most {max} items"));
        }

        if (schema["minItems"] is JsonValue min && array.Count < min.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{array.Count}: {InBody(path)} should have at least {min} items"));
        }

        if (schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }

        CheckUniqueness(array, schema, path, errors);
    }

    private static void CheckUniqueness(JsonArray array, JsonObject schema, string path, List<SchemaError> errors)
    {
        var listType = schema["x-kubernetes-list-type"]?.GetValue<string>();
        Func<JsonNode?, string>? key = listType switch
        {
            "map" => item => string.Join('\0', schema["x-kubernetes-list-map-keys"]!.AsArray().Select(k => item?[k!.GetValue<string>()]?.ToJsonString() ?? "null")),
            "set" => item => item?.ToJsonString() ?? "null",
            _ => IsTrue(schema, "uniqueItems") ? item => item?.ToJsonString() ?? "null" : null,
        };
        if (key is null)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            if (!seen.Add(key(array[i])))
            {
                errors.Add(new SchemaError($"{path}[{i}]", SchemaErrorType.Duplicate, key(array[i]).Replace('\0', ',')));
            }
        }
    }

    private static void CheckScalar(JsonValue scalar, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (scalar.TryGetValue<string>(out var text))
        {
            CheckString(text, schema, path, errors);
        }
        else if (Number(scalar) is { } number)
        {
            CheckNumber(number, scalar, schema, path, errors);
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<SchemaError> errors)
    {
        var length = text.EnumerateRunes().Count();
        var quoted = JsonValue.Create(text).ToJsonString();
        if (schema["minLength"] is JsonValue min && length < min.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{quoted}: {InBody(path)} should be at least {min} chars long"));
        }

        if (schema["maxLength"] is JsonValue max && length > max.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{quoted}: {InBody(path)} should be at most {max} chars long"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{quoted}: {InBody(path)} should match '{pattern}'"));
        }
    }

    private static void CheckNumber(double number, JsonValue raw, JsonObject schema, string path, List<SchemaError> errors)
    {
        var shown = raw.ToJsonString();
        if (schema["minimum"] is JsonValue min && Number(min) is { } minimum)
        {
            var exclusive = IsTrue(schema, "exclusiveMinimum");
            if (exclusive ? number <= minimum : number < minimum)
            {
                errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{shown}: {InBody(path)} should be greater than {(exclusive ? "" : "or equal to ")}{min.ToJsonString()}"));
            }
        }

        if (schema["maximum"] is JsonValue max && Number(max) is { } maximum)
        {
            var exclusive = IsTrue(schema, "exclusiveMaximum");
            if (exclusive ? number >= maximum : number > maximum)
            {
                errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{shown}: {InBody(path)} should be less than {(exclusive ? "" : "or equal to ")}{max.ToJsonString()}"));
            }
        }

        if (schema["multipleOf"] is JsonValue multiple && Number(multiple) is { } factor && Math.IEEERemainder(number, factor) != 0)
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{shown}: {InBody(path)} should be a multiple of {multiple.ToJsonString()}"));
        }
    }

    private static void CheckEnum(JsonNode value, JsonObject schema, string path, List<SchemaError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Any(a => SameValue(a, value)))
        {
            return;
        }

        var supported = string.Join(", ", allowed.Select(a => a?.ToJsonString() ?? "null"));
        errors.Add(new SchemaError(path, SchemaErrorType.NotSupported, $"{value.ToJsonString()}: supported values: {supported}"));
    }

    private static void CheckJunctors(JsonNode value, JsonObject schema, string path, List<SchemaError> errors)
    {
        int Passing(JsonArray branches) => branches.OfType<JsonObject>().Count(b => Validate(value, b, path).Count == 0);
        if (schema["anyOf"] is JsonArray anyOf && Passing(anyOf) == 0)
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{value.ToJsonString()}: {InBody(path)} must validate at least one schema (anyOf)"));
        }

        if (schema["oneOf"] is JsonArray oneOf && Passing(oneOf) != 1)
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{value.ToJsonString()}: {InBody(path)} must validate one and only one schema (oneOf)"));
        }

        foreach (var branch in (schema["allOf"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            Check(value, branch, path, errors);
        }

        if (schema["not"] is JsonObject not && Validate(value, not, path).Count == 0)
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{value.ToJsonString()}: {InBody(path)} must not validate the schema (not)"));
        }
    }

    private static void CheckCount(int count, JsonObject schema, string minKeyword, string maxKeyword, string what, string path, List<SchemaError> errors)
    {
        if (schema[minKeyword] is JsonValue min && count < min.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.Invalid, $"{count}: {InBody(path)} should have at least {min} {what}"));
        }

        if (schema[maxKeyword] is JsonValue max && count > max.GetValue<long>())
        {
            errors.Add(new SchemaError(path, SchemaErrorType.TooMany, $"{count}: must have at most {max} {what}"));
        }
    }

    /// <summary>The JSON type of a value, telling whole numbers (integer) from others (number).</summary>
    public static string TypeOf(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        JsonValue v when v.TryGetValue<string>(out _) => "string",
        JsonValue v when v.TryGetValue<bool>(out _) => "boolean",
        JsonValue v when Number(v) is { } n => double.IsFinite(n) && Math.Floor(n) == n ? "integer" : "number",
        _ => "unknown",
    };

    private static double? Number(JsonValue value) =>
        value.TryGetValue<long>(out var whole) ? whole
        : value.TryGetValue<int>(out var small) ? small
        : value.TryGetValue<double>(out var real) ? real
        : value.TryGetValue<decimal>(out var exact) ? (double)exact
        : null;

    private static bool SameValue(JsonNode? a, JsonNode? b) =>
        a is JsonValue x && b is JsonValue y && Number(x) is { } m && Number(y) is { } n
            ? m == n
            : JsonNode.DeepEquals(a, b);

    private static bool IsTrue(JsonObject schema, string keyword) => schema[keyword] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    // The API server names the field again in the message, as "spec.runs in body".
    private static string InBody(string path) => string.Create(CultureInfo.InvariantCulture, $"{path} in body");
}
