using System.Formats.Tar;
using System.Text;
using System.Text.Json.Nodes;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>An OCI archive whose second layer has a media type no differ applies (an lz4 tar, say).</summary>
internal static class ForeignLayerArchive
{
    /// <summary>The foreign media type.</summary>
    public const string MediaType = "application/vnd.example.image.layer.v1.tar+lz4";

    /// <summary>Writes the archive to <paramref name="destination"/>; returns the foreign layer's digest.</summary>
    public static string Write(string layoutDirectory, string destination)
    {
        var layout = OciLayout.Create(layoutDirectory);
        var image = new ImageBuilder(Platform.LinuxAmd64)
            .WithLayer(new LayerBuilder().File("a", "a\n").Build(layout.Blobs, LayerCompression.Gzip))
            .WithLayer(new LayerBuilder().File("b", "b\n").Build(layout.Blobs, LayerCompression.Gzip))
            .Build(layout);
        var manifest = JsonNode.Parse(layout.Blobs.ReadAllBytes(image.ManifestDigest))!;
        manifest["layers"]![1]!["mediaType"] = MediaType;
        var changed = layout.Blobs.Add(Encoding.UTF8.GetBytes(manifest.ToJsonString()), image.Descriptor.MediaType);

        using var archive = new TarWriter(File.Create(destination), TarEntryFormat.Pax);
        Add(archive, "oci-layout", Encoding.UTF8.GetBytes(OciLayout.LayoutFileJson()));
        Add(archive, "index.json", Encoding.UTF8.GetBytes(OciLayout.IndexJson([OciLayout.Named(changed, "example.com/foreign:1")])));
        foreach (var blob in new[] { changed }.Concat(image.BlobDescriptors))
        {
            Add(archive, $"blobs/sha256/{blob.Hex}", layout.Blobs.ReadAllBytes(blob.Digest));
        }

        return image.Layers[1].Digest;
    }

    private static void Add(TarWriter archive, string name, byte[] bytes) =>
        archive.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(bytes) });
}
