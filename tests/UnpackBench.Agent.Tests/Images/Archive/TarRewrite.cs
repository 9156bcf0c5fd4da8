using System.Formats.Tar;

namespace UnpackBench.Agent.Tests.Images.Archive;

/// <summary>Copies a tar entry by entry, letting a test drop an entry or change its bytes to make a damaged archive.</summary>
internal static class TarRewrite
{
    /// <summary>
    /// Writes <paramref name="source"/> to <paramref name="destination"/>, passing each regular file through
    /// <paramref name="change"/> (name, bytes → new bytes, or null to leave the entry out).
    /// </summary>
    public static void Copy(string source, string destination, Func<string, byte[], byte[]?> change)
    {
        using var reader = new TarReader(File.OpenRead(source));
        using var writer = new TarWriter(File.Create(destination), TarEntryFormat.Pax);
        while (reader.GetNextEntry(copyData: true) is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile))
            {
                writer.WriteEntry(entry);
                continue;
            }

            using var data = new MemoryStream();
            entry.DataStream?.CopyTo(data);
            var changed = change(entry.Name, data.ToArray());
            if (changed is not null)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry.Name) { DataStream = new MemoryStream(changed) });
            }
        }
    }
}
