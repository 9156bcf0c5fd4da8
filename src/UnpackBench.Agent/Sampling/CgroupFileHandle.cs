using System.Buffers.Text;
using Microsoft.Win32.SafeHandles;

namespace UnpackBench.Agent.Sampling;

/// <summary>
/// A cgroupfs file opened once and re-read in place: the kernel regenerates the contents on every
/// read from offset 0, so the sampler pays one pread per figure instead of open, read, close and a
/// string per sample. A file that does not exist stays absent (null figures).
/// </summary>
internal sealed class CgroupFileHandle : IDisposable
{
    private readonly SafeFileHandle? _handle;
    private readonly byte[] _buffer;

    /// <summary>Opens <paramref name="path"/> for repeated reads, or records that it is absent.</summary>
    public CgroupFileHandle(string? path, int bufferSize = 256)
    {
        _buffer = new byte[bufferSize];
        try
        {
            _handle = path is null ? null : File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _handle = null;
        }
    }

    /// <summary>The file's single integer, or null.</summary>
    public long? ReadSingle()
    {
        var content = Read();
        return Utf8Parser.TryParse(content, out long value, out _) ? value : null;
    }

    /// <summary>The value of <paramref name="key"/> in a "key value" per line file, or null.</summary>
    public long? ReadKey(ReadOnlySpan<byte> key)
    {
        var content = Read();
        while (!content.IsEmpty)
        {
            var end = content.IndexOf((byte)'\n');
            var line = end < 0 ? content : content[..end];
            if (line.StartsWith(key) && line.Length > key.Length && line[key.Length] == (byte)' ')
            {
                return Utf8Parser.TryParse(line[(key.Length + 1)..], out long value, out _) ? value : null;
            }

            content = end < 0 ? [] : content[(end + 1)..];
        }

        return null;
    }

    private ReadOnlySpan<byte> Read()
    {
        if (_handle is null)
        {
            return [];
        }

        try
        {
            var read = RandomAccess.Read(_handle, _buffer, 0);
            return _buffer.AsSpan(0, read);
        }
        catch (IOException)
        {
            return [];
        }
    }

    /// <inheritdoc />
    public void Dispose() => _handle?.Dispose();
}
