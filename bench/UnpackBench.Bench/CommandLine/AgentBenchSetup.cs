using System.Globalization;
using UnpackBench.Bench.Containerd;
using UnpackBench.Bench.Generation;
using UnpackBench.Bench.Reporting;

namespace UnpackBench.Bench.CommandLine;

/// <summary>What <see cref="AgentBenchOptions.Prepare"/> made ready: where to write, the frozen agent, the image's size.</summary>
/// <param name="Output">Where the report goes (stdout).</param>
/// <param name="Progress">Where progress goes (stderr).</param>
/// <param name="Work">The work directory, created.</param>
/// <param name="AgentDll">The agent's build, copied under the work directory.</param>
/// <param name="ImageBytes">The generated image's uncompressed size.</param>
/// <param name="Cache">The page cache before every timed run (<see cref="BenchPageCache"/>); null for a command without <c>--cache</c>.</param>
internal sealed record AgentBenchSetup(TextWriter Output, TextWriter Progress, string Work, string AgentDll, long ImageBytes, string? Cache)
{
    /// <summary>The image cache under the work directory.</summary>
    public ImageCache Images { get; } = new(Path.Combine(Work, "images"), Progress);

    /// <summary>The generated image of the size asked for, in <paramref name="layerCount"/> layers (from the cache when it is there).</summary>
    public GeneratedImage Image(int layerCount, CancellationToken cancellationToken) =>
        Images.Large(new LargeImageShape(ImageBytes, layerCount), cancellationToken);

    /// <summary>Writes the line that says where the numbers are measured.</summary>
    public async Task DescribeMachineAsync(CancellationToken cancellationToken) =>
        await Output.WriteLineAsync(await MachineDescription.DescribeAsync(Work, cancellationToken) + (Cache is null ? "" : $", page cache before every timed run: {Cache}"));

    /// <summary>The agent's options for <see cref="Cache"/>.</summary>
    public string[] CacheOptions => Cache is null ? [] : BenchPageCache.AgentOptions(Cache);

    /// <summary>Writes the machine's line, then <c>LABEL: what the image holds</c>.</summary>
    public async Task DescribeAsync(string label, GeneratedImage image, CancellationToken cancellationToken)
    {
        await DescribeMachineAsync(cancellationToken);
        await Output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{label}: {image.Describe()}"));
    }
}
