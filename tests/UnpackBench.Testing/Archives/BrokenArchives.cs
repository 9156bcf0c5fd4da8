using System.Formats.Tar;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Archives;

/// <summary>Deliberately bad inputs for testing how imports fail.</summary>
public static class BrokenArchives
{
    /// <summary>Copies the first <paramref name="length"/> bytes of <paramref name="source"/> to <paramref name="destination"/>.</summary>
    public static void Truncated(string source, long length, string destination)
    {
        using var input = File.OpenRead(source);
        if (length < 0 || length >= input.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"{source} has {input.Length} bytes; cut it somewhere inside.");
        }

        using var output = File.Create(destination);
        var buffer = new byte[1 << 16];
        for (var left = length; left > 0;)
        {
            var read = input.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            output.Write(buffer, 0, read);
            left -= read;
        }
    }

    /// <summary>A valid tar of a few random files, with no <c>index.json</c> or <c>manifest.json</c>.</summary>
    public static void NotAnImage(string destination, int seed = 1)
    {
        using var file = File.Create(destination);
        using var tar = new TarWriter(file, TarEntryFormat.Gnu);
        var random = new Random(seed);
        for (var i = 0; i < 3; i++)
        {
            var bytes = new byte[random.Next(100, 4000)];
            random.NextBytes(bytes);
            tar.WriteEntry(new GnuTarEntry(TarEntryType.RegularFile, $"file-{i}.bin")
            {
                ModificationTime = LayerBuilder.ModificationTime,
                AccessTime = LayerBuilder.ModificationTime,
                ChangeTime = LayerBuilder.ModificationTime,
                DataStream = new MemoryStream(bytes),
            });
        }
    }

    /// <summary>A zero-byte file.</summary>
    public static void Empty(string destination) => File.WriteAllBytes(destination, []);

    /// <summary>A text file that is not a tar at all.</summary>
    public static void NotATar(string destination) =>
        File.WriteAllText(destination, string.Concat(Enumerable.Repeat("this is not a tar archive\n", 100)));
}
