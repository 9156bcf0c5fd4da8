using System.Formats.Tar;
using System.IO.Compression;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// Writes planned entries as a gzip-compressed (or zstd-compressed) layer into a <see cref="BlobStore"/>,
/// streaming: each file's content is generated while the tar is written, hashed for the diff ID on the way
/// into the compressor, which writes straight to the blob file. GNU headers with fixed times and root
/// ownership keep layers identical from run to run.
/// </summary>
internal static class SyntheticLayerWriter
{
    /// <summary>
    /// gzip's default level (6), what <c>docker build</c>, buildkit and most registries' images use;
    /// the decompression cost depends on it.
    /// </summary>
    private const CompressionLevel Level = CompressionLevel.Optimal;

    /// <summary>Writes the layer (gzip at level 6, or zstd at its default level 3) and returns its blob and diff ID.</summary>
    public static BuiltLayer Write(BlobStore blobs, IReadOnlyList<PlannedEntry> entries, LayerCompression compression = LayerCompression.Gzip)
    {
        using var blob = blobs.BeginWrite();
        string diffId;
        long uncompressedSize;
        var written = new List<LayerEntry>(entries.Count);
        using (var compressor = compression == LayerCompression.Gzip ? new GZipStream(blob.Stream, Level, leaveOpen: true) : LayerCompressionStreams.Compress(blob.Stream, compression))
        using (var uncompressed = new DigestingStream(compressor, leaveOpen: true))
        {
            using (var tar = new TarWriter(uncompressed, TarEntryFormat.Gnu, leaveOpen: true))
            {
                foreach (var entry in entries)
                {
                    written.Add(WriteEntry(tar, entry));
                }
            }

            diffId = uncompressed.Digest();
            uncompressedSize = uncompressed.BytesWritten;
        }

        var descriptor = blob.Commit(MediaTypes.Layer(ImageFormat.Oci, compression));
        return new BuiltLayer(descriptor.Digest, descriptor.Size, diffId, uncompressedSize, compression, written, blobs.PathOf(descriptor.Digest));
    }

    private static LayerEntry WriteEntry(TarWriter tar, PlannedEntry entry)
    {
        var (type, name, kind) = entry.Kind switch
        {
            PlannedKind.Directory => (TarEntryType.Directory, entry.Path + "/", LayerEntryKind.Directory),
            PlannedKind.File => (TarEntryType.RegularFile, entry.Path, LayerEntryKind.File),
            PlannedKind.Symlink => (TarEntryType.SymbolicLink, entry.Path, LayerEntryKind.Symlink),
            _ => throw new NotSupportedException($"{entry.Path}: cannot write {entry.Kind} entries."),
        };
        var tarEntry = new GnuTarEntry(type, name)
        {
            ModificationTime = LayerBuilder.ModificationTime,
            AccessTime = LayerBuilder.ModificationTime,
            ChangeTime = LayerBuilder.ModificationTime,
            Mode = entry.Mode,
            Uid = 0,
            Gid = 0,
        };
        if (entry.LinkTarget is not null)
        {
            tarEntry.LinkName = entry.LinkTarget;
        }

        if (entry.Kind != PlannedKind.File)
        {
            tar.WriteEntry(tarEntry);
            return new LayerEntry(entry.Path, kind, entry.Mode, 0, 0, LinkTarget: entry.LinkTarget);
        }

        using var content = new MixedContentStream(entry.Size, entry.Seed, entry.Mix ?? ContentMix.Text);
        tarEntry.DataStream = content;
        tar.WriteEntry(tarEntry);
        return new LayerEntry(entry.Path, kind, entry.Mode, 0, 0, entry.Size);
    }
}
