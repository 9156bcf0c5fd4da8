using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using UnpackBench.Core.Images;
using ZstdSharp;

namespace UnpackBench.Agent.Calibration;

/// <summary>
/// Writes a <see cref="LayerRecipe"/> as a layer blob, streaming: content is generated while the tar is
/// written, hashed for the diff ID on its way into the compressor, and the compressor writes straight
/// to the file. gzip at level 6 (what docker build and most registries' images use) and zstd at level 3
/// (its default); GNU headers with a fixed time and root ownership make the bytes the same every time.
/// </summary>
internal static class SyntheticLayerWriter
{
    private static readonly DateTimeOffset ModificationTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes <paramref name="recipe"/> into <paramref name="directory"/> as a blob named by its digest.</summary>
    public static GeneratedLayer Write(LayerRecipe recipe, ulong seed, string directory)
    {
        var incoming = Path.Combine(directory, $".incoming-{Guid.NewGuid():N}");
        Digest diffId;
        Digest digest;
        long size;
        using (var file = File.Create(incoming))
        {
            var blob = new DigestingWriteStream(file);
            using (var compressor = Compress(blob, recipe.Compression))
            using (var tar = new DigestingWriteStream(compressor))
            {
                using (var writer = new TarWriter(tar, TarEntryFormat.Gnu, leaveOpen: true))
                {
                    WriteEntries(writer, recipe, seed);
                }

                diffId = tar.Digest();
            }

            digest = blob.Digest();
            size = blob.BytesWritten;
        }

        var path = Path.Combine(directory, digest.Hex);
        File.Move(incoming, path, overwrite: true);
        return new GeneratedLayer(new ContentDescriptor(MediaTypeOf(recipe.Compression), digest, size), diffId, path);
    }

    /// <summary>The OCI media type of a layer compressed as <paramref name="compression"/> says.</summary>
    public static string MediaTypeOf(string compression) => compression switch
    {
        "gzip" => MediaTypes.OciLayerGzip,
        "zstd" => MediaTypes.OciLayerZstd,
        "none" => MediaTypes.OciLayer,
        _ => throw new ArgumentException($"'{compression}' is not a layer compression", nameof(compression)),
    };

    /// <summary>A seed derived from a name, so each case's content differs but never changes.</summary>
    public static ulong SeedOf(string name) => BitConverter.ToUInt64(SHA256.HashData(Encoding.UTF8.GetBytes(name)));

    private static Stream Compress(Stream output, string compression) => compression switch
    {
        "gzip" => new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true),
        "zstd" => new CompressionStream(output, level: 3, leaveOpen: true),
        _ => new NonClosingWriteStream(output),
    };

    private static void WriteEntries(TarWriter writer, LayerRecipe recipe, ulong seed)
    {
        var written = new HashSet<string>(StringComparer.Ordinal);
        string? firstFile = null;
        for (var i = 0; i < recipe.Files; i++)
        {
            var directory = string.Join('/', Enumerable.Range(1, recipe.Depth - 1).Select(level => $"n{level}").Append($"g{i / recipe.FilesPerDirectory}"));
            WriteDirectories(writer, directory, written);
            var path = $"{directory}/f{i}";
            firstFile ??= path;
            using var content = new SyntheticContentStream(recipe.FileSize, SyntheticContentStream.Mix(seed ^ (ulong)i), recipe.Content);
            writer.WriteEntry(Entry(TarEntryType.RegularFile, path, content));
        }

        for (var i = 0; i < recipe.EmptyDirectories; i++)
        {
            WriteDirectories(writer, $"e{i / 100}/x{i}", written);
        }

        for (var i = 0; i < recipe.Symlinks + recipe.Hardlinks; i++)
        {
            var directory = $"s{i / 500}";
            WriteDirectories(writer, directory, written);
            var symlink = i < recipe.Symlinks;
            var entry = Entry(symlink ? TarEntryType.SymbolicLink : TarEntryType.HardLink, $"{directory}/l{i}", null);
            entry.LinkName = symlink ? $"../{firstFile}" : firstFile ?? throw new InvalidOperationException("a layer with hard links needs a file to link to");
            writer.WriteEntry(entry);
        }
    }

    private static void WriteDirectories(TarWriter writer, string directory, HashSet<string> written)
    {
        var parts = directory.Split('/');
        for (var depth = 1; depth <= parts.Length; depth++)
        {
            var path = string.Join('/', parts.Take(depth));
            if (written.Add(path))
            {
                writer.WriteEntry(Entry(TarEntryType.Directory, path + "/", null));
            }
        }
    }

    private static GnuTarEntry Entry(TarEntryType type, string name, Stream? content)
    {
        var entry = new GnuTarEntry(type, name)
        {
            ModificationTime = ModificationTime,
            AccessTime = ModificationTime,
            ChangeTime = ModificationTime,
            Mode = type == TarEntryType.Directory ? (UnixFileMode)0b111_101_101 : (UnixFileMode)0b110_100_100,
            Uid = 0,
            Gid = 0,
        };
        if (content is not null)
        {
            entry.DataStream = content;
        }

        return entry;
    }
}
