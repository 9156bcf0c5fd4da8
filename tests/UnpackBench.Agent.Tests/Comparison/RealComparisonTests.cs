using UnpackBench.Agent.Tests.Support;
using UnpackBench.Analysis.Comparison;
using UnpackBench.Analysis.Comparison.Formatting;
using UnpackBench.Core.Results;
using Xunit.Abstractions;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>Comparisons of documents from real benchmarks on the private containerd.</summary>
[Collection(nameof(TimingSensitive))]
public sealed class RealComparisonTests(ComparisonImages images, ITestOutputHelper output)
{
    [Fact]
    public async Task An_extra_200_MB_layer_is_slower_and_is_named_as_the_change()
    {
        var baseline = await BenchmarkAsync(images.Small, 5);
        var candidate = await BenchmarkAsync(images.Large, 5);

        var comparison = ResultComparer.Compare(baseline, candidate, new ComparisonOptions());

        output.WriteLine(ComparisonText.Format(comparison));
        Assert.Equal(ComparisonVerdict.Slower, comparison.Verdict);
        Assert.Equal((1, 0, 3), (comparison.Layers.Added, comparison.Layers.Removed, comparison.Layers.Unchanged));
        Assert.Equal(images.ExtraLayerDiffId, comparison.Layers.LargestChange);
        Assert.Contains(Figures.ShortDigest(images.ExtraLayerDiffId), ComparisonMarkdown.Format(comparison), StringComparison.Ordinal);
    }

    // The threshold: on a quiet machine two benchmarks of this image differ by a few percent, and
    // 10 runs each put the 95 % interval within about ±10 %. The test suite runs other test
    // assemblies alongside on two cores, which stretches single runs by up to ~2×; ±25 % leaves room
    // for that and is still far below the 200 MB layer's change above (several times slower). The
    // warm-up run keeps the first unpack's one-off costs out of the first benchmark.
    [Fact]
    public async Task The_same_image_benchmarked_twice_is_the_same()
    {
        var first = await BenchmarkAsync(images.Large, 10, "--warmup", "1");
        var second = await BenchmarkAsync(images.Large, 10, "--warmup", "1");

        var comparison = ResultComparer.Compare(first, second, new ComparisonOptions { ThresholdPercent = 25 });

        output.WriteLine(ComparisonText.Format(comparison));
        Assert.Equal(ComparisonVerdict.Same, comparison.Verdict);
        Assert.Equal((0, 0, 4), (comparison.Layers.Added, comparison.Layers.Removed, comparison.Layers.Unchanged));
    }

    private static async Task<BenchmarkResult> BenchmarkAsync(string archive, int runs, params string[] options)
    {
        using var agent = new AgentInvocation();
        var code = await agent.RunAsync(["--archive", archive, "--runs", $"{runs}", .. options]);
        Assert.True(code == 0, agent.Transcript);
        return ResultDocument.ReadOnly(agent);
    }
}
