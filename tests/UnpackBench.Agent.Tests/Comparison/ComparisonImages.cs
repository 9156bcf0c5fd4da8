using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>
/// Two images as archives for comparison tests: the small sample image, and the same image with one
/// more layer of 200 MB (zeros, gzip'd: cheap to build and store, yet 200 MB to extract).
/// </summary>
public sealed class ComparisonImages : IDisposable
{
    /// <summary>The size of the extra layer's one file.</summary>
    public const long ExtraLayerBytes = 200_000_000;

    private readonly TempDirectory _directory = new("comparison-images");

    public ComparisonImages()
    {
        var layout = OciLayout.Create(_directory.Combine("layout"));
        var layers = SampleImage.BuildLayers(layout.Blobs);
        var extra = new LayerBuilder().File("opt/big/zeros.bin", FileContent.Zeros(ExtraLayerBytes)).Build(layout.Blobs, LayerCompression.Gzip);
        var small = new ImageBuilder(Platform.LinuxAmd64).WithLayers(layers).Build(layout, ImageFormat.Oci, "docker.io/unpackbench/app:1");
        var large = new ImageBuilder(Platform.LinuxAmd64).WithLayers([.. layers, extra]).Build(layout, ImageFormat.Oci, "docker.io/unpackbench/app:2");
        OciArchive.Write(small, Small);
        OciArchive.Write(large, Large);
        (SmallImage, LargeImage) = (small, large);
        ExtraLayerDiffId = extra.DiffId;
    }

    /// <summary>The sample image: three small layers.</summary>
    public string Small => _directory.Combine("app-1.tar");

    /// <summary>The sample image plus the 200 MB layer.</summary>
    public string Large => _directory.Combine("app-2.tar");

    /// <summary>The small image, to push to a registry.</summary>
    public BuiltImage SmallImage { get; }

    /// <summary>The image with the 200 MB layer, to push to a registry.</summary>
    public BuiltImage LargeImage { get; }

    /// <summary>The diff ID of the 200 MB layer.</summary>
    public string ExtraLayerDiffId { get; }

    public void Dispose() => _directory.Dispose();
}
