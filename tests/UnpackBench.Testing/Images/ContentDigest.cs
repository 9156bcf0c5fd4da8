using System.Security.Cryptography;

namespace UnpackBench.Testing.Images;

/// <summary>OCI content digests in the <c>sha256:&lt;hex&gt;</c> form.</summary>
public static class ContentDigest
{
    /// <summary>The prefix every digest here carries.</summary>
    public const string Sha256Prefix = "sha256:";

    /// <summary>The digest of <paramref name="bytes"/>.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => FromHash(SHA256.HashData(bytes));

    /// <summary>The digest of everything left in <paramref name="stream"/>.</summary>
    public static string Of(Stream stream) => FromHash(SHA256.HashData(stream));

    /// <summary>The digest of the file at <paramref name="path"/>.</summary>
    public static string OfFile(string path)
    {
        using var stream = File.OpenRead(path);
        return Of(stream);
    }

    /// <summary>Formats a raw SHA-256 hash as a digest.</summary>
    public static string FromHash(ReadOnlySpan<byte> hash) => Sha256Prefix + Convert.ToHexStringLower(hash);

    /// <summary>The hex part of a <c>sha256:</c> digest; throws for anything else.</summary>
    public static string Hex(string digest)
    {
        if (!digest.StartsWith(Sha256Prefix, StringComparison.Ordinal) || digest.Length != Sha256Prefix.Length + 64)
        {
            throw new ArgumentException($"'{digest}' is not a sha256 digest (expected sha256:<64 hex digits>).", nameof(digest));
        }

        return digest[Sha256Prefix.Length..];
    }
}
