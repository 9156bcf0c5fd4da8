using System.Text;

namespace UnpackBench.Testing.Images;

/// <summary>
/// The content of a regular file in a layer: given bytes, or generated on the fly (zeros or seeded
/// pseudo-random) so a large file never sits in memory.
/// </summary>
public abstract class FileContent
{
    private FileContent(long size) => Size = size;

    /// <summary>The content length in bytes.</summary>
    public long Size { get; }

    /// <summary>The given bytes.</summary>
    public static FileContent FromBytes(byte[] bytes) => new Given(bytes);

    /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
    public static FileContent FromText(string text) => new Given(Encoding.UTF8.GetBytes(text));

    /// <summary><paramref name="size"/> zero bytes: compresses to almost nothing.</summary>
    public static FileContent Zeros(long size) => new Generated(size, seed: null);

    /// <summary>
    /// <paramref name="size"/> pseudo-random bytes, the same for the same <paramref name="seed"/>: do not compress.
    /// </summary>
    public static FileContent Random(long size, int seed) => new Generated(size, seed);

    /// <summary>
    /// <paramref name="size"/> bytes read from streams <paramref name="open"/> makes, each fresh, seekable
    /// and at its start: content a caller generates (text-like, mixed) without holding it in memory.
    /// </summary>
    public static FileContent FromStream(long size, Func<Stream> open) => new Opened(size, open);

    /// <summary>A fresh seekable stream over the content, positioned at its start.</summary>
    public abstract Stream Open();

    private sealed class Given(byte[] bytes) : FileContent(bytes.Length)
    {
        public override Stream Open() => new MemoryStream(bytes, writable: false);
    }

    private sealed class Opened(long size, Func<Stream> open) : FileContent(size)
    {
        public override Stream Open() => open();
    }

    private sealed class Generated : FileContent
    {
        private readonly int? _seed;

        public Generated(long size, int? seed)
            : base(size)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size);
            _seed = seed;
        }

        public override Stream Open() => new GeneratedContentStream(Size, _seed);
    }
}
