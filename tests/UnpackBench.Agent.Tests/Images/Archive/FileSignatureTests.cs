using UnpackBench.Agent.Images.Archive;

namespace UnpackBench.Agent.Tests.Images.Archive;

public sealed class FileSignatureTests
{
    [Theory]
    [InlineData("gzip", "1f8b0800", "gzip")]
    [InlineData("zstd", "28b52ffd00", "zstd")]
    [InlineData("xz", "fd377a585a00", "xz")]
    [InlineData("bzip2", "425a6839", "bzip2")]
    [InlineData("tar header", "696e6465782e6a736f6e", null)]
    [InlineData("too short to tell", "1f", null)]
    public void Compression_is_recognised_by_magic_bytes(string @case, string hex, string? expected)
    {
        Assert.True(FileSignature.CompressionOf(Convert.FromHexString(hex)) == expected, @case);
    }

    [Theory]
    [InlineData("zip", "504b0304140000000800", "a zip archive")]
    [InlineData("elf", "7f454c46020101000000", "an ELF executable")]
    [InlineData("json after whitespace", "0a207b2261223a317d", "JSON text")]
    [InlineData("text", "68656c6c6f0a776f726c64", "text 'hello world'")]
    [InlineData("binary", "0001020304050607080910", "bytes 0001020304050607")]
    [InlineData("gzip", "1f8b08000000", "gzip-compressed data")]
    [InlineData("empty", "", "nothing (the file is empty)")]
    public void First_bytes_are_described_for_messages(string @case, string hex, string expected)
    {
        Assert.True(FileSignature.Describe(Convert.FromHexString(hex)) == expected, $"{@case}: {FileSignature.Describe(Convert.FromHexString(hex))}");
    }
}
