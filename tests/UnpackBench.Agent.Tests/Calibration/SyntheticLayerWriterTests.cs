using UnpackBench.Agent.Calibration;
using UnpackBench.Agent.Prediction;
using UnpackBench.Agent.Tests.Prediction;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Calibration;

public sealed class SyntheticLayerWriterTests : IDisposable
{
    private readonly TempDirectory _directory = new("synthetic-layers");

    [Fact]
    public async Task A_layer_holds_what_its_recipe_says_as_gnu_tar_lists_it()
    {
        var recipe = new LayerRecipe("gzip", ContentKind.Mixed, 250, 3000) { FilesPerDirectory = 40, Depth = 4, EmptyDirectories = 30, Symlinks = 12, Hardlinks = 5 };

        var layer = SyntheticLayerWriter.Write(recipe, 42, _directory.Path);
        var listing = await TarListing.OfAsync(layer.BlobPath, "gzip");
        var features = await LayerFeatureCounter.CountAsync(File.OpenRead(layer.BlobPath), layer.Descriptor, layer.DiffId, "layer", CancellationToken.None);

        Assert.Equal(250, listing.Files);
        Assert.Equal(250 * 3000, listing.FileBytes);
        Assert.Equal(12, listing.Symlinks);
        Assert.Equal(5, listing.Hardlinks);
        // n1/n2/n3 above seven g directories, e0 above thirty x directories, one s directory for the links.
        Assert.Equal(3 + 7 + 1 + 30 + 1, listing.Directories);
        Assert.Equal(5, listing.MaxDepth);
        Assert.Equal((listing.Files, listing.Directories, listing.Symlinks), (features.Files, features.Directories, features.Symlinks));
    }

    [Theory]
    [InlineData("gzip", "Random", 0.99, 1.01)]
    [InlineData("gzip", "Text", 2.5, 5.0)]
    [InlineData("gzip", "Mixed", 1.5, 2.8)]
    [InlineData("gzip", "Zeros", 200, double.MaxValue)]
    [InlineData("zstd", "Text", 2.5, 5.5)]
    [InlineData("none", "Text", 0.99, 1.01)]
    public void Each_content_kind_compresses_about_as_the_data_it_stands_for(string compression, string kind, double lowest, double highest)
    {
        var layer = SyntheticLayerWriter.Write(new LayerRecipe(compression, Enum.Parse<ContentKind>(kind), 4, 2_000_000), 1, _directory.Path);

        var ratio = 8_000_000.0 / layer.Descriptor.Size;

        Assert.InRange(ratio, lowest, highest);
    }

    [Fact]
    public void The_same_recipe_and_seed_give_the_same_blob()
    {
        var recipe = new LayerRecipe("zstd", ContentKind.Mixed, 20, 10_000) { Symlinks = 3 };

        var first = SyntheticLayerWriter.Write(recipe, 9, _directory.CreateSubdirectory("a"));
        var second = SyntheticLayerWriter.Write(recipe, 9, _directory.CreateSubdirectory("b"));

        Assert.Equal((first.Descriptor.Digest, first.Descriptor.Size), (second.Descriptor.Digest, second.Descriptor.Size));
        Assert.Equal(first.DiffId, second.DiffId);
    }

    public void Dispose() => _directory.Dispose();
}
