using System.Globalization;
using System.Text.Json.Nodes;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.SchemaKeywords;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>
/// Validates a (pruned, defaulted) JSON value against a structural schema as the API server's OpenAPI
/// validator does, with its error types and wording: types (<c>TypeInvalid</c>; integer is a whole number,
/// number any; int-or-string; the date-time format), required (<c>Required</c>), enum (<c>NotSupported</c>),
/// maxLength (<c>TooLong</c>), maxItems and maxProperties (<c>TooMany</c>), and as <c>Invalid</c>: minimum and
/// maximum, minLength (in characters), pattern, minItems, minProperties, multipleOf, uniqueItems and
/// anyOf/allOf/oneOf/not. Unknown fields are the pruner's business, and x-kubernetes-validations the
/// <see cref="Cel.CelRuleValidator"/>'s.
/// </summary>
internal static class OpenApiSchemaValidator
{
    /// <summary>The errors of <paramref name="value"/> at <paramref name="path"/>.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonNode? value, JsonObject schema, string path = "")
    {
        var errors = new List<FieldError>();
        Check(value, schema, path, errors);
        return errors;
    }

    private static void Check(JsonNode? value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (value is null || !CheckType(value, schema, path, errors))
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
                ScalarChecks.Check(scalar, schema, path, errors);
                break;
        }

        CheckEnum(value, schema, path, errors);
        CheckJunctors(value, schema, path, errors);
    }

    private static bool CheckType(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        var actual = JsonTypes.Of(value);
        var expected = Type(schema);
        bool matches;
        if (expected is null)
        {
            matches = !IsTrue(schema, "x-kubernetes-int-or-string") || actual is "integer" or "string";
            expected = "integer,string";
        }
        else
        {
            matches = expected == actual || (expected == "number" && actual == "integer");
        }

        if (!matches)
        {
            errors.Add(new FieldError(Field(path), FieldErrorType.TypeInvalid, actual, $"{InBody(path)} must be of type {expected}: \"{actual}\""));
        }

        return matches;
    }

    private static void CheckObject(JsonObject obj, JsonObject schema, string path, List<FieldError> errors)
    {
        foreach (var name in schema["required"]?.AsArray().Select(r => r!.GetValue<string>()) ?? [])
        {
            if (obj[name] is null)
            {
                errors.Add(FieldError.Required(Join(path, name)));
            }
        }

        if (schema["maxProperties"] is JsonValue max && obj.Count > max.GetValue<long>())
        {
            errors.Add(new FieldError(Field(path), FieldErrorType.TooMany, obj.Count, $"must have at most {max} items"));
        }

        if (schema["minProperties"] is JsonValue min && obj.Count < min.GetValue<long>())
        {
            errors.Add(FieldError.Invalid(Field(path), obj.Count, $"{InBody(path)} should have at least {min} properties"));
        }

        foreach (var (name, child) in obj)
        {
            var childSchema = Property(schema, name) ?? AdditionalProperties(schema);
            if (childSchema is not null)
            {
                Check(child, childSchema, Join(path, name), errors);
            }
        }
    }

    private static void CheckArray(JsonArray array, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["maxItems"] is JsonValue max && array.Count > max.GetValue<long>())
        {
            errors.Add(new FieldError(Field(path), FieldErrorType.TooMany, array.Count, $"must have at most {max} items"));
        }

        if (schema["minItems"] is JsonValue min && array.Count < min.GetValue<long>())
        {
            errors.Add(FieldError.Invalid(Field(path), array.Count, $"{InBody(path)} should have at least {min} items"));
        }

        if (IsTrue(schema, "uniqueItems") && array.Select(i => i?.ToJsonString()).Distinct(StringComparer.Ordinal).Count() < array.Count)
        {
            errors.Add(FieldError.Invalid(Field(path), array.DeepClone(), $"{InBody(path)} shouldn't contain duplicates"));
        }

        if (Items(schema) is { } items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(array[i], items, $"{path}[{i}]", errors);
            }
        }
    }

    private static void CheckEnum(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["enum"] is not JsonArray allowed || allowed.Any(a => JsonTypes.SameValue(a, value)))
        {
            return;
        }

        var supported = string.Join(", ", allowed.Select(a => GoValue.Quote(a is JsonValue v && v.TryGetValue<string>(out var s) ? s : a?.ToJsonString() ?? "null")));
        errors.Add(new FieldError(Field(path), FieldErrorType.NotSupported, value.DeepClone(), $"supported values: {supported}"));
    }

    private static void CheckJunctors(JsonNode value, JsonObject schema, string path, List<FieldError> errors)
    {
        int Passing(JsonArray branches) => branches.OfType<JsonObject>().Count(b => Validate(value, b, path).Count == 0);
        if (schema["anyOf"] is JsonArray anyOf && Passing(anyOf) == 0)
        {
            errors.Add(FieldError.Invalid(Field(path), value.DeepClone(), $"{InBody(path)} must validate at least one schema (anyOf)"));
        }

        if (schema["oneOf"] is JsonArray oneOf && Passing(oneOf) != 1)
        {
            errors.Add(FieldError.Invalid(Field(path), value.DeepClone(), $"{InBody(path)} must validate one and only one schema (oneOf)"));
        }

        foreach (var branch in (schema["allOf"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            Check(value, branch, path, errors);
        }

        if (schema["not"] is JsonObject not && Validate(value, not, path).Count == 0)
        {
            errors.Add(FieldError.Invalid(Field(path), value.DeepClone(), $"{InBody(path)} must not validate the schema (not)"));
        }
    }

    internal static string Field(string path) => path.Length == 0 ? FieldError.NoField : path;

    // The OpenAPI validator names the field again in its message, as "spec.runs in body".
    internal static string InBody(string path) => string.Create(CultureInfo.InvariantCulture, $"{path} in body");
}
