using System.Formats.Tar;
using System.IO.Compression;

namespace UnpackBench.Testing.Tests.Archives;

/// <summary>Reads an archive tar back into name → bytes (directories map to null) for structure checks.</summary>
internal static class ArchiveReading
{
    public static Dictionary<string, byte[]?> ReadAll(string archive, bool gzip = false)
    {
        using var file = File.OpenRead(archive);
        using var data = gzip ? new GZipStream(file, CompressionMode.Decompress) : (Stream)file;
        using var tar = new TarReader(data);
        var entries = new Dictionary<string, byte[]?>(StringComparer.Ordinal);
        while (tar.GetNextEntry() is { } entry)
        {
            byte[]? bytes = null;
            if (entry.DataStream is { } stream)
            {
                using var copy = new MemoryStream();
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            entries.Add(entry.Name, entry.EntryType == TarEntryType.Directory ? null : bytes ?? []);
        }

        return entries;
    }
}
