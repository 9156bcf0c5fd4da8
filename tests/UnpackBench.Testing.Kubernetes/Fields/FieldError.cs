using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.Fields;

/// <summary>
/// One field error, as k8s.io/apimachinery's field.Error: the field's path (<c>spec.runs</c>,
/// <c>spec.tolerations[0].effect</c>, or <c>&lt;nil&gt;</c> for the object as a whole), the type, the bad
/// value (printed as Go prints it) and a detail. <see cref="Body"/> is what a Status cause's message holds;
/// <see cref="ToString"/> what the Status message lists.
/// </summary>
/// <param name="Field">The path; <c>&lt;nil&gt;</c> for none.</param>
/// <param name="Type">What kind of error.</param>
/// <param name="Value">The bad value as JSON (null prints as <c>"null"</c>); ignored for Required, Forbidden and TooLong.</param>
/// <param name="Detail">The explanation after the value.</param>
/// <param name="ValueText">The value as printed, when Go prints it in a way JSON cannot say (<c>0x0</c>).</param>
public sealed record FieldError(string Field, FieldErrorType Type, JsonNode? Value, string Detail, string? ValueText = null)
{
    /// <summary>The path of an error about the whole object.</summary>
    public const string NoField = "<nil>";

    /// <summary>The Status cause type: <c>FieldValueRequired</c>, <c>FieldValueInvalid</c>, …</summary>
    public string CauseType => "FieldValue" + Type;

    /// <summary>The message without the path, e.g. <c>Invalid value: 0: spec.runs in body should be greater than or equal to 1</c>.</summary>
    public string Body
    {
        get
        {
            var head = Type switch
            {
                FieldErrorType.Required => "Required value",
                FieldErrorType.Forbidden => "Forbidden",
                FieldErrorType.TooLong => "Too long",
                _ => $"{TypeText(Type)}: {ValueText ?? GoValue.Format(Value)}",
            };
            return Detail.Length == 0 ? head : $"{head}: {Detail}";
        }
    }

    /// <summary>A Required error.</summary>
    public static FieldError Required(string field, string detail = "") => new(field, FieldErrorType.Required, null, detail);

    /// <summary>An Invalid error.</summary>
    public static FieldError Invalid(string field, JsonNode? value, string detail) => new(field, FieldErrorType.Invalid, value, detail);

    /// <summary>A Forbidden error.</summary>
    public static FieldError Forbidden(string field, string detail) => new(field, FieldErrorType.Forbidden, null, detail);

    /// <summary><c>field: body</c>, as in a Status message.</summary>
    public override string ToString() => $"{Field}: {Body}";

    /// <summary>
    /// Errors as a Status message lists them (apimachinery's ToAggregate): one as it is, several as
    /// <c>[a, b]</c>, repeated messages once.
    /// </summary>
    public static string Aggregate(IEnumerable<FieldError> errors)
    {
        var messages = errors.Select(e => e.ToString()).Distinct(StringComparer.Ordinal).ToList();
        return messages.Count == 1 ? messages[0] : $"[{string.Join(", ", messages)}]";
    }

    private static string TypeText(FieldErrorType type) => type switch
    {
        FieldErrorType.NotSupported => "Unsupported value",
        FieldErrorType.TooMany => "Too many",
        FieldErrorType.Duplicate => "Duplicate value",
        _ => "Invalid value",
    };
}
