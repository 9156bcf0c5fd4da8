using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace UnpackBench.Testing.Kubernetes.Yaml;

/// <summary>
/// Reads YAML as Kubernetes does (sigs.k8s.io/yaml over go-yaml v2): documents become JSON, and a
/// plain scalar is typed by its text with YAML 1.1's rules — <c>5</c> is an integer, <c>"5"</c> a
/// string, <c>yes</c> and <c>on</c> booleans, <c>~</c> null. Empty documents are skipped, as kubectl does.
/// </summary>
public static partial class YamlDocuments
{
    /// <summary>Every non-empty document of <paramref name="yaml"/>.</summary>
    public static IReadOnlyList<JsonNode> Parse(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        return stream.Documents.Select(d => ToJson(d.RootNode)).OfType<JsonNode>().ToList();
    }

    /// <summary>The one document of <paramref name="yaml"/>, which must be a mapping.</summary>
    /// <exception cref="FormatException">There is not exactly one document, or it is not a mapping.</exception>
    public static JsonObject ParseSingle(string yaml)
    {
        var documents = Parse(yaml);
        return documents is [JsonObject single]
            ? single
            : throw new FormatException($"expected one YAML document that is a mapping, found {documents.Count} document(s){(documents.Count == 1 ? $" of type {documents[0].GetValueKind()}" : "")}");
    }

    /// <summary>The JSON value of a plain (unquoted, untagged) scalar.</summary>
    public static JsonNode? ResolvePlain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "y" or "Y" or "yes" or "Yes" or "YES" or "true" or "True" or "TRUE" or "on" or "On" or "ON":
                return JsonValue.Create(true);
            case "n" or "N" or "no" or "No" or "NO" or "false" or "False" or "FALSE" or "off" or "Off" or "OFF":
                return JsonValue.Create(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return JsonValue.Create(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return JsonValue.Create(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return JsonValue.Create(double.NaN);
        }

        if (Integer(text) is { } integer)
        {
            return JsonValue.Create(integer);
        }

        var plain = text.Replace("_", "", StringComparison.Ordinal);
        return FloatPattern().IsMatch(plain) && double.TryParse(plain, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? JsonValue.Create(number)
            : JsonValue.Create(text);
    }

    private static long? Integer(string text)
    {
        var sign = text.StartsWith('-') ? -1 : 1;
        var digits = text.TrimStart('-', '+').Replace("_", "", StringComparison.Ordinal);
        if (text.Length == 0 || digits.Length == 0 || text.IndexOfAny(['-', '+'], 1) >= 0)
        {
            return null;
        }

        if (digits.StartsWith("0x", StringComparison.Ordinal) && long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var hex))
        {
            return sign * hex;
        }

        if (digits.StartsWith("0b", StringComparison.Ordinal) && digits.Length > 2 && digits[2..].All(c => c is '0' or '1'))
        {
            return sign * Convert.ToInt64(digits[2..], 2);
        }

        if (digits.Length > 1 && digits[0] == '0' && digits.All(c => c is >= '0' and <= '7'))
        {
            return sign * Convert.ToInt64(digits[1..], 8);
        }

        return digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? sign * value
            : null;
    }

    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode mapping => Mapping(mapping),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unexpected YAML node {node.NodeType} at {node.Start}"),
    };

    private static JsonObject Mapping(YamlMappingNode mapping)
    {
        var result = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text } ? text : throw new InvalidOperationException($"a mapping key at {key.Start} is not a scalar");
            if (result.ContainsKey(name))
            {
                throw new InvalidOperationException($"duplicate key '{name}' at {key.Start}");
            }

            result[name] = ToJson(value);
        }

        return result;
    }

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (!scalar.Tag.IsEmpty && !scalar.Tag.IsNonSpecific)
        {
            return scalar.Tag.Value switch
            {
                "tag:yaml.org,2002:str" => JsonValue.Create(text),
                "tag:yaml.org,2002:null" => null,
                _ => ResolvePlain(text),
            };
        }

        return scalar.Style is ScalarStyle.Plain or ScalarStyle.Any ? ResolvePlain(text) : JsonValue.Create(text);
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
