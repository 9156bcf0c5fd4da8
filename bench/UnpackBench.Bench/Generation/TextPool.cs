using System.Text;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// One megabyte of deterministic source-like text (indented lines of identifiers, numbers and punctuation from a
/// vocabulary of a few thousand words) that text-like segments are copied from. Its compressibility is that of
/// real sources: gzip finds repeated words within its 32 KiB window, not whole repeated lines.
/// </summary>
internal static class TextPool
{
    private const int Size = 1 << 20;
    private const int VocabularySize = 1024;
    private static readonly Lazy<byte[]> Pool = new(Build);

    /// <summary>The pool's bytes.</summary>
    public static ReadOnlySpan<byte> Bytes => Pool.Value;

    private static byte[] Build()
    {
        var random = new Random(20240229);
        const string letters = "etaoinshrdlucmfwypvbgkqjxz_";
        var vocabulary = new string[VocabularySize];
        for (var i = 0; i < vocabulary.Length; i++)
        {
            var length = 2 + random.Next(4) + random.Next(6);
            var word = new StringBuilder(length);
            for (var c = 0; c < length; c++)
            {
                // Low letters are frequent, as in English and in identifiers.
                word.Append(letters[(int)(letters.Length * Math.Pow(random.NextDouble(), 1.8))]);
            }

            vocabulary[i] = word.ToString();
        }

        const string separators = "  ..,;()=_{}:  ";
        var text = new StringBuilder(Size + 256);
        var recent = new List<string>();
        while (text.Length < Size)
        {
            // Code repeats itself: closing braces, imports, boilerplate lines.
            if (recent.Count > 0 && random.Next(4) == 0)
            {
                text.Append(recent[random.Next(recent.Count)]);
                continue;
            }

            var line = new StringBuilder();
            line.Append(' ', 4 * random.Next(4));
            var words = 3 + random.Next(10);
            for (var w = 0; w < words; w++)
            {
                // Zipf-like: a few words are very common, most are rare.
                line.Append(vocabulary[(int)(VocabularySize * Math.Pow(random.NextDouble(), 4))]);
                line.Append(random.Next(5) == 0 ? random.Next(1000).ToString(System.Globalization.CultureInfo.InvariantCulture) : string.Empty);
                line.Append(separators[random.Next(separators.Length)]);
            }

            line.Append('\n');
            text.Append(line);
            recent.Add(line.ToString());
            if (recent.Count > 64)
            {
                recent.RemoveAt(0);
            }
        }

        return Encoding.ASCII.GetBytes(text.ToString(0, Size));
    }
}
