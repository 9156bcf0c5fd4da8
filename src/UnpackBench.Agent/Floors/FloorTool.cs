namespace UnpackBench.Agent.Floors;

/// <summary>What decompresses a layer for its floors, as the result document names it.</summary>
internal enum FloorTool
{
    /// <summary>Nothing: the layer is an uncompressed tar.</summary>
    None,

    /// <summary>pigz's parallel decompressor, the one containerd runs when it is on its PATH.</summary>
    Unpigz,

    /// <summary>The reference zstd tool (libzstd).</summary>
    Zstd,

    /// <summary>.NET's GZipStream (zlib-ng) inside the agent: single-threaded, as Go's built-in gzip is.</summary>
    DotnetGzip,

    /// <summary>ZstdSharp inside the agent, when the zstd tool is missing.</summary>
    DotnetZstd,
}

/// <summary>Chooses the floor's decompressor for a layer, closest to what containerd used.</summary>
internal static class FloorTools
{
    /// <summary>The document's name of <paramref name="tool"/>: <c>none</c>, <c>unpigz</c>, <c>zstd</c>, <c>dotnet-gzip</c>, <c>dotnet-zstd</c>.</summary>
    public static string Name(FloorTool tool) => tool switch
    {
        FloorTool.DotnetGzip => "dotnet-gzip",
        FloorTool.DotnetZstd => "dotnet-zstd",
        _ => tool.ToString().ToLowerInvariant(),
    };

    /// <summary>
    /// The tool for a layer of <paramref name="compression"/> (none, gzip, zstd) when containerd's gzip
    /// decompressor was <paramref name="containerdGzip"/> (unpigz or builtin), given which tools the agent has.
    /// </summary>
    public static FloorTool Choose(string compression, string containerdGzip, bool hasUnpigz, bool hasZstd) => compression switch
    {
        "none" => FloorTool.None,
        "zstd" => hasZstd ? FloorTool.Zstd : FloorTool.DotnetZstd,
        _ => containerdGzip == "unpigz" && hasUnpigz ? FloorTool.Unpigz : FloorTool.DotnetGzip,
    };

    /// <summary>A sentence on how comparable the floor's tools are to containerd's decompressors, or null when they are the same.</summary>
    public static string? Comparability(IEnumerable<FloorTool> used, string containerdGzip)
    {
        var notes = new List<string>();
        var tools = used.ToHashSet();
        if (tools.Contains(FloorTool.DotnetGzip))
        {
            notes.Add(containerdGzip == "unpigz"
                ? "containerd decompressed gzip with unpigz, but the agent has no unpigz, so the gzip floor used .NET's single-threaded GZipStream (zlib-ng) and is higher than unpigz's"
                : "containerd decompressed gzip with Go's built-in compress/gzip; the floor used .NET's GZipStream (zlib-ng), single-threaded like Go's but usually faster, so the gzip floor is somewhat below what Go's decompressor can reach");
        }

        if (tools.Contains(FloorTool.Zstd))
        {
            notes.Add("containerd decompresses zstd in-process with a Go port of zstd; the floor used the reference zstd tool, which is usually faster");
        }

        if (tools.Contains(FloorTool.DotnetZstd))
        {
            notes.Add("the zstd tool is missing, so the zstd floor used ZstdSharp inside the agent (install the 'zstd' package for the reference decoder)");
        }

        return notes.Count == 0 ? null : string.Join("; ", notes);
    }
}
