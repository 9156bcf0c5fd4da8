using System.Text;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Recognises what a file is from its first bytes (its "magic"), never from its name: whether an
/// archive is compressed, and what a file that is not a tar looks like, for messages.
/// </summary>
internal static class FileSignature
{
    /// <summary>How many leading bytes <see cref="Describe"/> and <see cref="CompressionOf"/> use at most.</summary>
    public const int HeadLength = 16;

    /// <summary>The compression the bytes start with (<c>gzip</c>, <c>zstd</c>, <c>xz</c>, <c>bzip2</c>), or null.</summary>
    public static string? CompressionOf(ReadOnlySpan<byte> head) => head switch
    {
        [0x1f, 0x8b, ..] => "gzip",
        [0x28, 0xb5, 0x2f, 0xfd, ..] => "zstd",
        [0xfd, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00, ..] => "xz",
        [(byte)'B', (byte)'Z', (byte)'h', ..] => "bzip2",
        _ => null,
    };

    /// <summary>A short description of what the bytes look like: <c>a zip archive</c>, <c>text 'hello'</c>, <c>bytes 7f 45 …</c>.</summary>
    public static string Describe(ReadOnlySpan<byte> head)
    {
        if (CompressionOf(head) is { } compression)
        {
            return $"{compression}-compressed data";
        }

        var trimmed = head.TrimStart(" \t\r\n"u8);
        return head switch
        {
            [] => "nothing (the file is empty)",
            [(byte)'P', (byte)'K', 0x03, 0x04, ..] => "a zip archive",
            [0x7f, (byte)'E', (byte)'L', (byte)'F', ..] => "an ELF executable",
            _ when trimmed is [(byte)'{' or (byte)'[', ..] => "JSON text",
            _ when IsPrintable(head) => $"text '{Encoding.ASCII.GetString(head).ReplaceLineEndings(" ")}'",
            _ => "bytes " + Convert.ToHexString(head[..Math.Min(head.Length, 8)]).ToLowerInvariant(),
        };
    }

    private static bool IsPrintable(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is (< 0x20 and not (byte)'\n' and not (byte)'\r' and not (byte)'\t') or >= 0x7f)
            {
                return false;
            }
        }

        return true;
    }
}
