using System.Globalization;

namespace UnpackBench.Analysis.Comparison.Formatting;

/// <summary>How figures read in text and markdown: units always shown, a dash for "not measured".</summary>
public static class Figures
{
    /// <summary>What stands for a figure that was not measured.</summary>
    public const string Missing = "—";

    /// <summary><c>1.203 s</c>.</summary>
    public static string Seconds(double? value) => value is { } v ? $"{Fixed(v, 3)} s" : Missing;

    /// <summary><c>+1.203 s</c> or <c>−0.010 s</c>.</summary>
    public static string SignedSeconds(double? value) =>
        value is { } v ? $"{(v < 0 ? "−" : "+")}{Fixed(Math.Abs(v), 3)} s" : Missing;

    /// <summary>A ratio with three decimals: <c>1.921</c>.</summary>
    public static string Ratio(double? value) => value is { } v ? Fixed(v, 3) : Missing;

    /// <summary>A ratio as a change: <c>×1.92</c>.</summary>
    public static string Times(double? value) => value is { } v ? $"×{Fixed(v, 2)}" : Missing;

    /// <summary>A plain number with <paramref name="decimals"/> decimals.</summary>
    public static string Number(double? value, int decimals) => value is { } v ? Fixed(v, decimals) : Missing;

    /// <summary>Bytes in MB (10^6): <c>200.0 MB</c>; below 0.1 MB in kB (10^3): <c>12.5 kB</c>.</summary>
    public static string Megabytes(long? bytes) => bytes switch
    {
        null => Missing,
        < 100_000 => $"{Fixed(bytes.Value / 1e3, 1)} kB",
        _ => $"{Fixed(bytes.Value / 1e6, 1)} MB",
    };

    /// <summary>A probability: <c>0.0079</c>, or <c>&lt; 0.0001</c> below what four decimals show.</summary>
    public static string Probability(double? value) => value switch
    {
        null => Missing,
        < 0.0001 => "< 0.0001",
        { } v => Fixed(v, 4),
    };

    /// <summary>A digest shortened for tables: <c>sha256:0123456789ab</c>.</summary>
    public static string ShortDigest(string digest)
    {
        var colon = digest.IndexOf(':', StringComparison.Ordinal);
        return digest.Length > colon + 13 ? digest[..(colon + 13)] : digest;
    }

    /// <summary>The verdict's word: <c>slower</c>.</summary>
    public static string Word(ComparisonVerdict verdict) => verdict.ToString().ToLowerInvariant();

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
