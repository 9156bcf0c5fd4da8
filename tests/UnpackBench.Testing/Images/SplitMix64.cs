namespace UnpackBench.Testing.Images;

/// <summary>splitmix64: a cheap, well-mixed 64-bit hash, for deriving seeds of generated content.</summary>
public static class SplitMix64
{
    /// <summary>The hash of <paramref name="x"/>.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EB;
        return x ^ (x >> 31);
    }
}
