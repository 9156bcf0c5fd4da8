using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes.CustomResources.Cel;

/// <summary>
/// CEL's runtime values as .NET values — null, bool, long (int), ulong (uint), double, string, byte[],
/// <see cref="IReadOnlyList{T}"/> (list) and <see cref="CelMapValue"/> (map) — with cel-spec's equality
/// (heterogeneous: numbers compare by value, other different types are unequal) and ordering.
/// </summary>
internal static class CelValues
{
    /// <summary>A JSON value as CEL sees it: whole numbers are ints unless <paramref name="numberIsDouble"/> says the schema types them as number.</summary>
    public static object? FromJson(JsonNode? node, Func<string, bool>? numberIsDouble = null, string path = "") => node switch
    {
        null => null,
        JsonObject obj => new CelMapValue(obj.Select(p => new KeyValuePair<object, object?>(p.Key, FromJson(p.Value, numberIsDouble, path + "." + p.Key)))),
        JsonArray array => array.Select(item => FromJson(item, numberIsDouble, path + "[]")).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when numberIsDouble?.Invoke(path) != true && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole) => whole,
            JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
            _ => null,
        },
        _ => null,
    };

    public static new bool Equals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ when IsNumber(a) && IsNumber(b) => CompareNumbers(a, b) == 0,
        (string x, string y) => x == y,
        (bool x, bool y) => x == y,
        (byte[] x, byte[] y) => x.AsSpan().SequenceEqual(y),
        (IReadOnlyList<object?> x, IReadOnlyList<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equals(p.First, p.Second)),
        (CelMapValue x, CelMapValue y) => x.Count == y.Count && x.All(e => y.TryGet(e.Key, out var other) && Equals(e.Value, other)),
        _ => false,
    };

    /// <summary>Orders two values of one kind (numbers of any kind compare by value); anything else has no overload.</summary>
    public static int Compare(object? a, object? b) => (a, b) switch
    {
        _ when IsNumber(a) && IsNumber(b) => CompareNumbers(a!, b!),
        (string x, string y) => Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)),
        (bool x, bool y) => x.CompareTo(y),
        (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    public static bool IsNumber(object? value) => value is long or ulong or double;

    /// <summary>How cel-go prints a value in an error: strings as they are, others as their literal.</summary>
    public static string Display(object? value) => value switch
    {
        null => "null",
        bool b => b ? "true" : "false",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
        ulong u => u.ToString(System.Globalization.CultureInfo.InvariantCulture),
        long l => l.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static int CompareNumbers(object a, object b) => (a, b) switch
    {
        (long x, long y) => x.CompareTo(y),
        (ulong x, ulong y) => x.CompareTo(y),
        (double x, _) => CompareDouble(x, b),
        (_, double y) => -CompareDouble(y, a),
        (long x, ulong y) => x < 0 ? -1 : ((ulong)x).CompareTo(y),
        (ulong x, long y) => y < 0 ? 1 : x.CompareTo((ulong)y),
        _ => throw CelEvaluationException.NoSuchOverload(),
    };

    private static int CompareDouble(double x, object other)
    {
        var y = other switch { long l => (double)l, ulong u => u, double d => d, _ => throw CelEvaluationException.NoSuchOverload() };
        return double.IsNaN(x) || double.IsNaN(y) ? 1 : x.CompareTo(y);
    }
}
