using System.Text;
using UnpackBench.Core.Images;

namespace UnpackBench.Core.Tests.Images;

public sealed class DigestTests
{
    // python3 -c 'import hashlib; print(hashlib.sha256(b"abc").hexdigest())'
    private const string Sha256OfAbc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    // python3 -c 'import hashlib; print(hashlib.sha512(b"abc").hexdigest())'
    private const string Sha512OfAbc = "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f";

    [Theory]
    [InlineData("sha256", "sha256:" + Sha256OfAbc, "sha256", Sha256OfAbc)]
    [InlineData("sha512", "sha512:" + Sha512OfAbc, "sha512", Sha512OfAbc)]
    public void Well_formed_digest_parses_into_algorithm_and_hex(string @case, string text, string algorithm, string hex)
    {
        var digest = Digest.Parse(text);

        Assert.True(digest.Algorithm == algorithm, @case);
        Assert.Equal(hex, digest.Hex);
        Assert.Equal(text, digest.ToString());
    }

    [Theory]
    [InlineData("unregistered algorithm", "md5:900150983cd24fb0d6963f7d28e17f72", "only sha256 and sha512")]
    [InlineData("algorithm in upper case", "SHA256:" + Sha256OfAbc, "only sha256 and sha512")]
    [InlineData("upper-case hex", "sha256:BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", "64 lower-case hex")]
    [InlineData("one hex character short", "sha256:a7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "64 lower-case hex")]
    [InlineData("one hex character too many", "sha256:" + Sha256OfAbc + "0", "64 lower-case hex")]
    [InlineData("sha256-length hex labelled sha512", "sha512:" + Sha256OfAbc, "128 lower-case hex")]
    [InlineData("non-hex letter", "sha256:ga7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", "64 lower-case hex")]
    [InlineData("nothing after the colon", "sha256:", "64 lower-case hex")]
    [InlineData("missing colon", "sha256" + Sha256OfAbc, "is not a digest")]
    [InlineData("hex only", Sha256OfAbc, "is not a digest")]
    [InlineData("colon first", ":" + Sha256OfAbc, "is not a digest")]
    [InlineData("empty", "", "is not a digest")]
    public void Malformed_digest_is_rejected_with_the_reason(string @case, string text, string reason)
    {
        Assert.False(Digest.TryParse(text, out _, out var problem), @case);
        Assert.Contains(reason, problem, StringComparison.Ordinal);

        var thrown = Assert.Throws<FormatException>(() => Digest.Parse(text));
        Assert.Equal(problem, thrown.Message);
    }

    [Fact]
    public void Null_text_is_not_a_digest()
    {
        Assert.False(Digest.TryParse(null, out var digest, out var problem));
        Assert.Equal(default, digest);
        Assert.Contains("is not a digest", problem, StringComparison.Ordinal);
    }

    [Theory]
    // python3 -c 'import hashlib; print(hashlib.sha256(b"").hexdigest())'
    [InlineData("empty string", "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
    [InlineData("abc", "abc", Sha256OfAbc)]
    // printf 'hello\n' | sha256sum
    [InlineData("line with newline", "hello\n", "5891b5b522d5df086d0ff0b110fbd9d21bb4fc7163af34d08286a2e846f6be03")]
    public void Sha256Of_text_matches_known_vectors(string @case, string text, string expectedHex)
    {
        var digest = Digest.Sha256Of(text);

        Assert.True(digest.ToString() == "sha256:" + expectedHex, @case);
        Assert.Equal(digest, Digest.Sha256Of(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Sha256_hash_computed_elsewhere_wraps_into_the_same_digest()
    {
        var digest = Digest.FromSha256Hash(Convert.FromHexString(Sha256OfAbc));

        Assert.Equal(Digest.Parse("sha256:" + Sha256OfAbc), digest);
    }

    [Fact]
    public void Hash_of_the_wrong_length_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Digest.FromSha256Hash(new byte[31]));
    }

    [Theory]
    [InlineData("sha256", "sha256:" + Sha256OfAbc, "ba7816bf8f01")]
    [InlineData("sha512", "sha512:" + Sha512OfAbc, "ddaf35a19361")]
    public void Abbreviated_is_the_first_twelve_hex_characters(string @case, string text, string expected)
    {
        Assert.True(Digest.Parse(text).Abbreviated == expected, @case);
    }
}
