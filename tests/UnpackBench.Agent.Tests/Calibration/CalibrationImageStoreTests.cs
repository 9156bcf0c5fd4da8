using UnpackBench.Agent.Calibration;
using UnpackBench.Core.Images;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Calibration;

public sealed class CalibrationImageStoreTests : IDisposable
{
    private static readonly CalibrationSet Tiny = new("tiny", [
        CalibrationCase.Single("a", new LayerRecipe("gzip", ContentKind.Text, 3, 100)),
        new CalibrationCase("b", [new LayerRecipe("zstd", ContentKind.Mixed, 2, 5000), new LayerRecipe("none", ContentKind.Zeros, 1, 10)]),
    ], DriftCheck: "a");

    private readonly TempDirectory _directory = new("calibration-images");

    [Fact]
    public void Images_generated_once_are_reused_by_the_next_calibration()
    {
        var first = new List<string>();
        var second = new List<string>();

        var generated = new CalibrationImageStore(_directory.Path).Prepare(Tiny, Platform.Parse("linux/amd64"), first.Add);
        var reused = new CalibrationImageStore(_directory.Path).Prepare(Tiny, Platform.Parse("linux/amd64"), second.Add);

        Assert.Equal(2, first.Count(m => m.StartsWith("generating", StringComparison.Ordinal)));
        Assert.Single(second, m => m.StartsWith("reusing the tiny set's 2 images", StringComparison.Ordinal));
        Assert.Equal(generated.Select(i => i.Manifest.Digest), reused.Select(i => i.Manifest.Digest));
    }

    [Fact]
    public void An_interrupted_generation_is_done_again()
    {
        var store = new CalibrationImageStore(_directory.Path);
        var generated = store.Prepare(Tiny, Platform.Parse("linux/amd64"), _ => { });
        File.Delete(generated[1].PathOf(generated[1].Manifest.Digest));
        var messages = new List<string>();

        var again = store.Prepare(Tiny, Platform.Parse("linux/amd64"), messages.Add);

        Assert.Equal(2, messages.Count(m => m.StartsWith("generating", StringComparison.Ordinal)));
        Assert.True(File.Exists(again[1].PathOf(again[1].Manifest.Digest)));
    }

    public void Dispose() => _directory.Dispose();
}
