using System.Security.Cryptography;
using System.Text;

namespace UnpackBench.Core.Images;

/// <summary>
/// A content digest such as <c>sha256:4f53…</c>: the algorithm and the lower-case hex of the hash.
/// Only sha256 and sha512 are accepted, as the OCI image spec registers no others.
/// </summary>
public readonly record struct Digest
{
    private Digest(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>The hash algorithm, <c>sha256</c> or <c>sha512</c>.</summary>
    public string Algorithm { get; }

    /// <summary>The hash as lower-case hexadecimal.</summary>
    public string Hex { get; }

    /// <summary>The first 12 hex characters, enough to tell layers apart in messages.</summary>
    public string Abbreviated => Hex.Length > 12 ? Hex[..12] : Hex;

    /// <summary>Parses <c>algorithm:hex</c>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static Digest Parse(string text) =>
        TryParse(text, out var digest, out var problem) ? digest : throw new FormatException(problem);

    /// <summary>Parses <c>algorithm:hex</c> without throwing; <paramref name="problem"/> says why it failed.</summary>
    public static bool TryParse(string? text, out Digest digest, out string problem)
    {
        digest = default;
        problem = "";
        var colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            problem = $"'{text}' is not a digest: expected 'sha256:' followed by 64 hex characters";
            return false;
        }

        var algorithm = text[..colon];
        var hex = text[(colon + 1)..];
        var expectedLength = algorithm switch
        {
            "sha256" => 64,
            "sha512" => 128,
            _ => -1,
        };
        if (expectedLength < 0)
        {
            problem = $"digest '{text}' uses algorithm '{algorithm}'; only sha256 and sha512 are supported";
            return false;
        }

        if (hex.Length != expectedLength || !hex.All(IsLowerHex))
        {
            problem = $"digest '{text}' must have {expectedLength} lower-case hex characters after '{algorithm}:'";
            return false;
        }

        digest = new Digest(algorithm, hex);
        return true;
    }

    /// <summary>The sha256 digest of <paramref name="data"/>.</summary>
    public static Digest Sha256Of(ReadOnlySpan<byte> data) =>
        new("sha256", Convert.ToHexStringLower(SHA256.HashData(data)));

    /// <summary>The sha256 digest of the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static Digest Sha256Of(string text) => Sha256Of(Encoding.UTF8.GetBytes(text));

    /// <summary>Wraps a sha256 hash already computed elsewhere (e.g. while streaming).</summary>
    public static Digest FromSha256Hash(ReadOnlySpan<byte> hash) =>
        hash.Length == 32
            ? new Digest("sha256", Convert.ToHexStringLower(hash))
            : throw new ArgumentException("a sha256 hash is 32 bytes", nameof(hash));

    /// <inheritdoc />
    public override string ToString() => $"{Algorithm}:{Hex}";

    private static bool IsLowerHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f';
}
