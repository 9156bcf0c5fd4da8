namespace UnpackBench.Core.Variants;

/// <summary>
/// The page-cache state each timed run starts from. The names are the agent's <c>--cache</c> values
/// and the CRD's <c>spec.cache</c> values.
/// </summary>
public enum CacheMode
{
    /// <summary>Leave the page cache as the previous run left it (the content blobs are usually cached).</summary>
    Warm,

    /// <summary>Drop the content blobs' pages before each run, so the blobs are read from disk.</summary>
    Cold,

    /// <summary>Sync, then drop the whole node's page cache before each run: privileged, node-wide, reproducible.</summary>
    Drop,
}

/// <summary>The names of <see cref="CacheMode"/> as users write them.</summary>
public static class CacheModes
{
    /// <summary>Every mode, in the order the help lists them.</summary>
    public static IReadOnlyList<CacheMode> All { get; } = [CacheMode.Warm, CacheMode.Cold, CacheMode.Drop];

    /// <summary>The lower-case name: <c>warm</c>, <c>cold</c> or <c>drop</c>.</summary>
    public static string Name(CacheMode mode) => mode.ToString().ToLowerInvariant();

    /// <summary>Parses a name (case-insensitive); null when it is not one.</summary>
    public static CacheMode? TryParse(string? text) =>
        All.Cast<CacheMode?>().FirstOrDefault(m => string.Equals(Name(m!.Value), text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
