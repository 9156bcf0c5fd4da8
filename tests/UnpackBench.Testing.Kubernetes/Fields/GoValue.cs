using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.Fields;

/// <summary>
/// Prints a JSON value as the API server's field errors do (Go's <c>%v</c> for numbers and booleans, <c>%q</c>
/// for strings, <c>%#v</c> for objects and lists), so messages read exactly as a real server's.
/// </summary>
public static class GoValue
{
    /// <summary>The value as a field error prints it; null is <c>"null"</c>.</summary>
    public static string Format(JsonNode? value) => value switch
    {
        null => "\"null\"",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v => Scalar(v),
        _ => Syntax(value),
    };

    /// <summary>Go's <c>strconv.Quote</c>: printable characters as they are, the rest escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var rune in text.EnumerateRunes())
        {
            builder.Append(rune.Value switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\r' => "\\r",
                '\a' => "\\a",
                '\b' => "\\b",
                '\f' => "\\f",
                '\v' => "\\v",
                < 0x20 or 0x7f => string.Create(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}"),
                _ when Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned or UnicodeCategory.Surrogate
                    => rune.Value > 0xFFFF ? string.Create(CultureInfo.InvariantCulture, $"\\U{rune.Value:x8}") : string.Create(CultureInfo.InvariantCulture, $"\\u{rune.Value:x4}"),
                _ => rune.ToString(),
            });
        }

        return builder.Append('"').ToString();
    }

    private static string Scalar(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number when long.TryParse(value.ToJsonString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole) => whole.ToString(CultureInfo.InvariantCulture),
        JsonValueKind.Number => Float(double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture)),
        _ => value.ToJsonString(),
    };

    /// <summary>Go's <c>%v</c> of a float64: shortest form, exponent from 1e21 up.</summary>
    private static string Float(double d) =>
        Math.Abs(d) >= 1e21 || (d != 0 && Math.Abs(d) < 1e-4)
            ? d.ToString("0.################e+00", CultureInfo.InvariantCulture)
            : d.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Go's <c>%#v</c> of a decoded JSON object or list.</summary>
    private static string Syntax(JsonNode? node) => node switch
    {
        JsonObject obj => "map[string]interface {}{" + string.Join(", ", obj.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{Quote(p.Key)}:{Syntax(p.Value)}")) + "}",
        JsonArray array => "[]interface {}{" + string.Join(", ", array.Select(Syntax)) + "}",
        null => "interface {}(nil)",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => Quote(v.GetValue<string>()),
        JsonValue v => Scalar(v),
        _ => node.ToJsonString(),
    };
}
