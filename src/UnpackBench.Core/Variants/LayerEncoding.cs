using System.Globalization;
using UnpackBench.Core.Benchmarks;

namespace UnpackBench.Core.Variants;

/// <summary>How a what-if variant's layers are compressed.</summary>
public enum LayerCompressionKind
{
    /// <summary>As the image was published.</summary>
    Original,

    /// <summary>No compression (<c>…tar</c>).</summary>
    Uncompressed,

    /// <summary>gzip at a level (<c>…tar+gzip</c>).</summary>
    Gzip,

    /// <summary>zstd at a level (<c>…tar+zstd</c>).</summary>
    Zstd,
}

/// <summary>
/// One encoding of the image's layers: the original, or a what-if re-encoding such as <c>zstd</c>,
/// <c>zstd-19</c>, <c>uncompressed</c>, <c>gzip-1</c> or <c>gzip-9</c>. <see cref="Name"/> is how users
/// write it and how the result document names the variant.
/// </summary>
/// <param name="Kind">The compression.</param>
/// <param name="Level">The compression level for gzip and zstd; null otherwise.</param>
public sealed record LayerEncoding(LayerCompressionKind Kind, int? Level)
{
    /// <summary>The image as published.</summary>
    public static LayerEncoding Original { get; } = new(LayerCompressionKind.Original, null);

    /// <summary>The name: <c>original</c>, <c>uncompressed</c>, <c>gzip-N</c>, <c>zstd</c> (level 3) or <c>zstd-N</c>.</summary>
    public string Name => Kind switch
    {
        LayerCompressionKind.Original => "original",
        LayerCompressionKind.Uncompressed => "uncompressed",
        LayerCompressionKind.Gzip => string.Create(CultureInfo.InvariantCulture, $"gzip-{Level}"),
        _ when Level == BenchmarkLimits.ZstdLevel.Default => "zstd",
        _ => string.Create(CultureInfo.InvariantCulture, $"zstd-{Level}"),
    };

    /// <summary>
    /// The lower-case names <see cref="TryParse"/> accepts, as a regular expression for the CRD's schema
    /// (a test checks the two agree for every level, and the CRD against this).
    /// </summary>
    public const string NamePattern = "^(uncompressed|zstd|zstd-([1-9]|1[0-9]|2[0-2])|gzip-[1-9])$";

    /// <summary>The names the <c>--what-if</c> option accepts, for help and error messages.</summary>
    public static string Accepted => $"zstd, zstd-N (N {BenchmarkLimits.ZstdLevel.Range}), uncompressed, gzip-N (N {BenchmarkLimits.GzipLevel.Range})";

    /// <summary>Parses one what-if name; <paramref name="problem"/> says what is wrong and what to write instead.</summary>
    public static bool TryParse(string text, out LayerEncoding? encoding, out string problem)
    {
        encoding = null;
        problem = "";
        var name = text.Trim().ToLowerInvariant();
        if (name == "uncompressed")
        {
            encoding = new LayerEncoding(LayerCompressionKind.Uncompressed, null);
            return true;
        }

        if (name == "zstd")
        {
            encoding = new LayerEncoding(LayerCompressionKind.Zstd, BenchmarkLimits.ZstdLevel.Default);
            return true;
        }

        var (kind, limit) = name.StartsWith("zstd-", StringComparison.Ordinal) ? (LayerCompressionKind.Zstd, BenchmarkLimits.ZstdLevel)
            : name.StartsWith("gzip-", StringComparison.Ordinal) ? (LayerCompressionKind.Gzip, BenchmarkLimits.GzipLevel)
            : (LayerCompressionKind.Original, null);
        if (limit is null)
        {
            problem = $"unknown what-if encoding '{text}'; choose from {Accepted}";
            return false;
        }

        var family = kind == LayerCompressionKind.Zstd ? "zstd" : "gzip";
        var digits = name[5..];
        if (digits.StartsWith('0') || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var level) || !limit.Allows(level))
        {
            problem = $"what-if encoding '{text}' has no valid {family} level: write {family}-N with N from {limit.Min} to {limit.Max}";
            return false;
        }

        encoding = new LayerEncoding(kind, level);
        return true;
    }

    /// <summary>Parses a comma-separated list (e.g. <c>zstd,uncompressed,gzip-1</c>); duplicates are kept once.</summary>
    public static (IReadOnlyList<LayerEncoding> Encodings, IReadOnlyList<string> Problems) ParseList(IEnumerable<string> items)
    {
        var encodings = new List<LayerEncoding>();
        var problems = new List<string>();
        foreach (var item in items.SelectMany(i => i.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (!TryParse(item, out var encoding, out var problem))
            {
                problems.Add(problem);
            }
            else if (!encodings.Contains(encoding!))
            {
                encodings.Add(encoding!);
            }
        }

        return (encodings, problems);
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
