using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Archives;

/// <summary>
/// Writes an image archive tar (optionally gzip-compressed as a whole) with fixed times and root ownership,
/// so the same image always gives the same archive bytes.
/// </summary>
internal sealed class ArchiveTarWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly Stream? _gzip;
    private readonly TarWriter _tar;
    private readonly HashSet<string> _directories = new(StringComparer.Ordinal);

    public ArchiveTarWriter(string destination, bool gzip)
    {
        _file = new FileStream(destination, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _gzip = gzip ? new GZipStream(_file, CompressionLevel.Fastest, leaveOpen: true) : null;
        _tar = new TarWriter(_gzip ?? _file, TarEntryFormat.Gnu, leaveOpen: true);
    }

    /// <summary>Adds a directory entry once (and its parents first).</summary>
    public void AddDirectory(string path)
    {
        foreach (var directory in LayerPath.AncestorsOf(path).Append(path))
        {
            if (_directories.Add(directory))
            {
                _tar.WriteEntry(NewEntry(TarEntryType.Directory, directory + "/", UnixModes.Directory));
            }
        }
    }

    public void AddFile(string path, string text) => AddFile(path, Encoding.UTF8.GetBytes(text));

    public void AddFile(string path, byte[] bytes)
    {
        using var data = new MemoryStream(bytes, writable: false);
        AddFile(path, data);
    }

    /// <summary>Adds a file whose content is <paramref name="data"/> (read to its end), creating parent directories.</summary>
    public void AddFile(string path, Stream data)
    {
        if (LayerPath.ParentOf(path) is { Length: > 0 } parent)
        {
            AddDirectory(parent);
        }

        var entry = NewEntry(TarEntryType.RegularFile, path, UnixModes.File);
        entry.DataStream = data;
        _tar.WriteEntry(entry);
    }

    public void Dispose()
    {
        _tar.Dispose();
        _gzip?.Dispose();
        _file.Dispose();
    }

    // GNU headers: .NET's PAX headers carry the process id, which would make archives differ between runs.
    private static GnuTarEntry NewEntry(TarEntryType type, string name, UnixFileMode mode) => new(type, name)
    {
        ModificationTime = LayerBuilder.ModificationTime,
        AccessTime = LayerBuilder.ModificationTime,
        ChangeTime = LayerBuilder.ModificationTime,
        Mode = mode,
        Uid = 0,
        Gid = 0,
    };
}
