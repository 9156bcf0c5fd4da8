namespace UnpackBench.Core.Prediction;

/// <summary>The calibration sets <c>unpackbench-agent calibrate --set</c> offers, and calibrate's run counts.</summary>
public static class CalibrationSets
{
    /// <summary>About two dozen synthetic images covering every term of the model; a few minutes on two cores.</summary>
    public const string Standard = "standard";

    /// <summary>A reduced set of tiny images: enough to fit the model, not to trust it; for tests and smoke runs.</summary>
    public const string Quick = "quick";

    /// <summary>Every set, the default first.</summary>
    public static IReadOnlyList<string> All { get; } = [Standard, Quick];

    /// <summary>Timed runs per calibration image when <c>--runs</c> is not given.</summary>
    public const int DefaultRuns = 3;

    /// <summary>Untimed runs before them when <c>--warmup</c> is not given: the first unpack into a fresh root is slower.</summary>
    public const int DefaultWarmupRuns = 1;

    /// <summary>
    /// The page-cache mode when <c>--cache</c> is not given: <c>drop</c>. A calibration is dozens of
    /// consecutive unpacks; without dropping the page cache between them each one runs slower than the
    /// last, so the images measured late would look more expensive than the early ones.
    /// </summary>
    public static string DefaultCacheMode { get; } = Variants.CacheModes.Name(Variants.CacheMode.Drop);
}
