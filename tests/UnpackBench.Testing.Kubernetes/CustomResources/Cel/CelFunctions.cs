using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// The functions CRD rules use: operators, <c>size</c>, the string functions (<c>contains</c>,
/// <c>startsWith</c>, <c>endsWith</c>, <c>matches</c>, and Kubernetes' <c>lowerAscii</c>, <c>upperAscii</c>,
/// <c>trim</c>), and the conversions <c>int</c>, <c>uint</c>, <c>double</c>, <c>string</c>, <c>bool</c>.
/// </summary>
internal static class CelFunctions
{
    /// <summary>Every function name a rule may call (operators included); anything else does not compile.</summary>
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "==", "!=", "<", "<=", ">", ">=", "in", "+", "-", "*", "/", "%", "!",
        "size", "contains", "startsWith", "endsWith", "matches", "lowerAscii", "upperAscii", "trim",
        "int", "uint", "double", "string", "bool",
    };

    public static object? Call(string function, object? target, bool hasTarget, IReadOnlyList<object?> args)
    {
        var all = hasTarget ? [target, .. args] : args;
        return (function, all.Count) switch
        {
            ("!", 1) => all[0] is bool b ? !b : throw CelEvaluationException.NoSuchOverload(),
            ("-", 1) => CelOperators.Negate(all[0]),
            (_, 2) when !hasTarget && function.Length <= 2 && !char.IsAsciiLetter(function[0]) || function == "in" => CelOperators.Binary(function, all[0], all[1]),
            ("size", 1) => Size(all[0]),
            ("contains" or "startsWith" or "endsWith" or "matches", 2) => StringTest(function, all[0], all[1]),
            ("lowerAscii" or "upperAscii" or "trim", 1) when hasTarget => StringTransform(function, all[0]),
            ("int" or "uint" or "double" or "string" or "bool", 1) when !hasTarget => CelConversions.Convert(function, all[0]),
            _ => throw CelEvaluationException.NoSuchOverload(),
        };
    }

    private static long Size(object? value) => value switch
    {
        string s => s.EnumerateRunes().Count(),
        byte[] b => b.Length,
        IReadOnlyList<object?> list => list.Count,
        CelMapValue map => map.Count,
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    private static bool StringTest(string function, object? text, object? argument)
    {
        if (text is not string s || argument is not string a)
        {
            throw CelEvaluationException.NoSuchOverload();
        }

        return function switch
        {
            "contains" => s.Contains(a, StringComparison.Ordinal),
            "startsWith" => s.StartsWith(a, StringComparison.Ordinal),
            "endsWith" => s.EndsWith(a, StringComparison.Ordinal),
            _ => Matches(s, a),
        };
    }

    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException e)
        {
            throw new CelEvaluationException($"invalid regular expression: {e.Message}");
        }
    }

    private static string StringTransform(string function, object? text)
    {
        if (text is not string s)
        {
            throw CelEvaluationException.NoSuchOverload();
        }

        return function switch
        {
            "lowerAscii" => string.Concat(s.Select(c => c is >= 'A' and <= 'Z' ? (char)(c + 32) : c)),
            "upperAscii" => string.Concat(s.Select(c => c is >= 'a' and <= 'z' ? (char)(c - 32) : c)),
            _ => s.Trim(),
        };
    }
}

/// <summary>CEL's type conversions, with its range and parse errors.</summary>
internal static class CelConversions
{
    public static object Convert(string type, object? value)
    {
        try
        {
            return (type, value) switch
            {
                ("int", long l) => l,
                ("int", ulong u) => checked((long)u),
                ("int", double d) => InRange(d, long.MinValue, 9.2233720368547758E18) ? (long)d : throw Range(),
                ("int", string s) => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) ? l : throw Parse(s, "int"),
                ("uint", long l) => checked((ulong)l),
                ("uint", ulong u) => u,
                ("uint", double d) => InRange(d, 0, 1.8446744073709552E19) ? (ulong)d : throw Range(),
                ("uint", string s) => ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var u) ? u : throw Parse(s, "uint"),
                ("double", long l) => (double)l,
                ("double", ulong u) => (double)u,
                ("double", double d) => d,
                ("double", string s) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : throw Parse(s, "double"),
                ("string", string s) => s,
                ("string", byte[] b) => Encoding.UTF8.GetString(b),
                ("string", double d) => d.ToString("R", CultureInfo.InvariantCulture),
                ("string", long or ulong or bool) => CelValues.Display(value),
                ("bool", bool b) => b,
                ("bool", string s) => s switch
                {
                    "1" or "t" or "T" or "true" or "TRUE" or "True" => true,
                    "0" or "f" or "F" or "false" or "FALSE" or "False" => false,
                    _ => throw Parse(s, "bool"),
                },
                _ => throw CelEvaluationException.NoSuchOverload(),
            };
        }
        catch (OverflowException)
        {
            throw Range();
        }
    }

    private static bool InRange(double d, double min, double maxExclusive) => !double.IsNaN(d) && d >= min && d < maxExclusive;

    private static CelEvaluationException Range() => new("range error");

    private static CelEvaluationException Parse(string text, string type) => new($"cannot convert \"{text}\" to {type}");
}
