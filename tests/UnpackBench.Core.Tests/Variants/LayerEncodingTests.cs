using UnpackBench.Core.Variants;

namespace UnpackBench.Core.Tests.Variants;

public sealed class LayerEncodingTests
{
    [Theory]
    [InlineData("zstd", LayerCompressionKind.Zstd, 3, "zstd")]
    [InlineData("ZSTD-19", LayerCompressionKind.Zstd, 19, "zstd-19")]
    [InlineData("zstd-3", LayerCompressionKind.Zstd, 3, "zstd")]
    [InlineData("zstd-22", LayerCompressionKind.Zstd, 22, "zstd-22")]
    [InlineData("uncompressed", LayerCompressionKind.Uncompressed, null, "uncompressed")]
    [InlineData(" gzip-1 ", LayerCompressionKind.Gzip, 1, "gzip-1")]
    [InlineData("gzip-9", LayerCompressionKind.Gzip, 9, "gzip-9")]
    public void What_if_names_parse_to_an_encoding_that_names_itself_back(string text, LayerCompressionKind kind, int? level, string name)
    {
        Assert.True(LayerEncoding.TryParse(text, out var encoding, out var problem), problem);

        Assert.Equal(new LayerEncoding(kind, level), encoding);
        Assert.Equal(name, encoding!.Name);
    }

    [Theory]
    [InlineData("brotli", "unknown what-if encoding 'brotli'; choose from zstd, zstd-N (N 1–22), uncompressed, gzip-N (N 1–9)")]
    [InlineData("zstd-23", "what-if encoding 'zstd-23' has no valid zstd level: write zstd-N with N from 1 to 22")]
    [InlineData("zstd-0", "what-if encoding 'zstd-0' has no valid zstd level: write zstd-N with N from 1 to 22")]
    [InlineData("gzip-10", "what-if encoding 'gzip-10' has no valid gzip level: write gzip-N with N from 1 to 9")]
    [InlineData("gzip", "unknown what-if encoding 'gzip'; choose from zstd, zstd-N (N 1–22), uncompressed, gzip-N (N 1–9)")]
    [InlineData("original", "unknown what-if encoding 'original'; choose from zstd, zstd-N (N 1–22), uncompressed, gzip-N (N 1–9)")]
    [InlineData("zstd--1", "what-if encoding 'zstd--1' has no valid zstd level: write zstd-N with N from 1 to 22")]
    public void Bad_names_say_what_to_write_instead(string text, string problem)
    {
        Assert.False(LayerEncoding.TryParse(text, out var encoding, out var actual));

        Assert.Null(encoding);
        Assert.Equal(problem, actual);
    }

    [Fact]
    public void A_list_keeps_its_order_drops_duplicates_and_reports_every_problem()
    {
        var (encodings, problems) = LayerEncoding.ParseList(["zstd,uncompressed", "gzip-1,zstd-3,gzip-9", "lz4,zstd-99"]);

        Assert.Equal(["zstd", "uncompressed", "gzip-1", "gzip-9"], encodings.Select(e => e.Name));
        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void The_crd_pattern_accepts_exactly_the_names_the_parser_accepts()
    {
        var candidates = new[] { "zstd", "uncompressed", "gzip", "original", "brotli", "zstd-", "gzip-", "zstd-03", "gzip-01" }
            .Concat(Enumerable.Range(-1, 30).SelectMany(n => new[] { $"zstd-{n}", $"gzip-{n}" }));

        Assert.All(candidates, name => Assert.True(
            System.Text.RegularExpressions.Regex.IsMatch(name, LayerEncoding.NamePattern) == LayerEncoding.TryParse(name, out _, out _),
            name));
    }

    [Theory]
    [InlineData("warm", CacheMode.Warm)]
    [InlineData("COLD", CacheMode.Cold)]
    [InlineData("drop", CacheMode.Drop)]
    [InlineData("hot", null)]
    public void Cache_modes_parse_by_name(string text, CacheMode? mode) =>
        Assert.Equal(mode, CacheModes.TryParse(text));
}
