using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Testing.Kubernetes.Fields;
using static UnpackBench.Testing.Kubernetes.CustomResources.Schema.OpenApiSchemaValidator;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Schema;

/// <summary>The OpenAPI checks of strings (length in characters, pattern, date-time format) and numbers (range, multipleOf).</summary>
internal static partial class ScalarChecks
{
    public static void Check(JsonValue scalar, JsonObject schema, string path, List<FieldError> errors)
    {
        if (scalar.TryGetValue<string>(out var text))
        {
            CheckString(text, schema, path, errors);
        }
        else if (JsonTypes.Number(scalar) is { } number)
        {
            CheckNumber(number, scalar, schema, path, errors);
        }
    }

    private static void CheckString(string text, JsonObject schema, string path, List<FieldError> errors)
    {
        var length = text.EnumerateRunes().Count();
        if (schema["maxLength"] is JsonValue max && length > max.GetValue<long>())
        {
            errors.Add(new FieldError(Field(path), FieldErrorType.TooLong, text, $"may not be longer than {max}"));
        }

        if (schema["minLength"] is JsonValue min && length < min.GetValue<long>())
        {
            errors.Add(FieldError.Invalid(Field(path), text, $"{InBody(path)} should be at least {min} chars long"));
        }

        if (schema["pattern"]?.GetValue<string>() is { } pattern && !Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            errors.Add(FieldError.Invalid(Field(path), text, $"{InBody(path)} should match '{pattern}'"));
        }

        if (schema["format"]?.GetValue<string>() == "date-time" && !IsDateTime(text))
        {
            errors.Add(new FieldError(Field(path), FieldErrorType.TypeInvalid, text, $"{InBody(path)} must be of type date-time: {GoValue.Quote(text)}"));
        }
    }

    private static void CheckNumber(double number, JsonValue raw, JsonObject schema, string path, List<FieldError> errors)
    {
        if (schema["minimum"] is JsonValue min && JsonTypes.Number(min) is { } minimum)
        {
            var exclusive = SchemaKeywords.IsTrue(schema, "exclusiveMinimum");
            if (exclusive ? number <= minimum : number < minimum)
            {
                errors.Add(FieldError.Invalid(Field(path), raw.DeepClone(), $"{InBody(path)} should be greater than {(exclusive ? "" : "or equal to ")}{GoValue.Format(min)}"));
            }
        }

        if (schema["maximum"] is JsonValue max && JsonTypes.Number(max) is { } maximum)
        {
            var exclusive = SchemaKeywords.IsTrue(schema, "exclusiveMaximum");
            if (exclusive ? number >= maximum : number > maximum)
            {
                errors.Add(FieldError.Invalid(Field(path), raw.DeepClone(), $"{InBody(path)} should be less than {(exclusive ? "" : "or equal to ")}{GoValue.Format(max)}"));
            }
        }

        if (schema["multipleOf"] is JsonValue multiple && JsonTypes.Number(multiple) is { } factor && Math.IEEERemainder(number, factor) != 0)
        {
            errors.Add(FieldError.Invalid(Field(path), raw.DeepClone(), $"{InBody(path)} should be a multiple of {GoValue.Format(multiple)}"));
        }
    }

    private static bool IsDateTime(string text) =>
        DateTimePattern().IsMatch(text)
        && DateTimeOffset.TryParse(text.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:?\d{2})$")]
    private static partial Regex DateTimePattern();
}
