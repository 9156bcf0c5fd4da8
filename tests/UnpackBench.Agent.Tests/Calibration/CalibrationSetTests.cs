using UnpackBench.Agent.Calibration;
using UnpackBench.Analysis.Prediction;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.Tests.Calibration;

public sealed class CalibrationSetTests
{
    [Theory]
    [InlineData(CalibrationSets.Standard)]
    [InlineData(CalibrationSets.Quick)]
    public void Every_set_has_uniquely_named_images_of_every_compression_and_more_layers_than_terms(string name)
    {
        var set = CalibrationSet.Named(name)!;

        Assert.Equal(set.Cases.Count, set.Cases.Select(c => c.Name).Distinct().Count());
        Assert.Equal(UnpackFeature.Compressions.Order(), set.Cases.SelectMany(c => c.Layers).Select(l => l.Compression).Distinct().Order());
        Assert.True(set.Cases.Sum(c => c.Layers.Count) > UnpackFeature.All.Count + 3, $"{name}: {set.Cases.Sum(c => c.Layers.Count)} layers for {UnpackFeature.All.Count} terms");
        Assert.Contains(set.Cases, c => c.Layers.Count > 2);
        Assert.Contains(set.Cases, c => c.Layers.Count > 1 && c.Layers.All(l => l.Compression != "gzip"));
        Assert.Contains(set.Cases, c => c.Layers.Any(l => l.Depth > 1));

        // Measured at its place, halfway through and at the end: its place must come before halfway.
        Assert.Contains(set.Cases.Take(set.Cases.Count / 2), c => c.Name == set.DriftCheck && c.Layers.Sum(l => l.Files) >= 400);
        Assert.Contains(set.Cases, c => c.Layers.Any(l => l.EmptyDirectories > 0));
        Assert.Contains(set.Cases, c => c.Layers.Any(l => l.Symlinks > 0 && l.Hardlinks > 0));
    }

    [Fact]
    public void Every_named_set_exists_and_an_unknown_one_does_not()
    {
        Assert.All(CalibrationSets.All, name => Assert.Equal(name, CalibrationSet.Named(name)!.Name));
        Assert.Null(CalibrationSet.Named("huge"));
    }
}
