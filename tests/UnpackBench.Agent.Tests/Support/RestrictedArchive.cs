using System.Formats.Tar;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>An OCI archive whose only layer is declared non-distributable (the blob itself is an ordinary gzip tar).</summary>
internal static class RestrictedArchive
{
    /// <summary>Builds the image in <paramref name="directory"/> and writes <c>restricted.tar</c> there; returns its path.</summary>
    public static string Write(string directory)
    {
        var layout = OciLayout.Create(Path.Combine(directory, "layout"));
        var image = new ImageBuilder(Platform.LinuxAmd64).WithLayer(new LayerBuilder().File("licensed.bin", "restricted\n").Build(layout.Blobs)).Build(layout);
        var layer = image.Layers[0];
        var manifest = layout.Blobs.Add(System.Text.Encoding.UTF8.GetBytes($$"""
            {"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json",
             "config":{"mediaType":"{{image.Config.MediaType}}","digest":"{{image.Config.Digest}}","size":{{image.Config.Size}}},
             "layers":[{"mediaType":"application/vnd.oci.image.layer.nondistributable.v1.tar+gzip","digest":"{{layer.Digest}}","size":{{layer.Size}}}]}
            """), "application/vnd.oci.image.manifest.v1+json");
        var path = Path.Combine(directory, "restricted.tar");
        using var archive = new TarWriter(File.Create(path), TarEntryFormat.Pax);
        Add(archive, "oci-layout", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(OciLayout.LayoutFileJson())));
        Add(archive, "index.json", new MemoryStream(System.Text.Encoding.UTF8.GetBytes(OciLayout.IndexJson([manifest]))));
        foreach (var blob in new[] { layer.Digest, image.Config.Digest, manifest.Digest })
        {
            Add(archive, $"blobs/sha256/{blob["sha256:".Length..]}", layout.Blobs.OpenRead(blob));
        }

        return path;
    }

    private static void Add(TarWriter archive, string name, Stream data)
    {
        using (data)
        {
            archive.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, name) { DataStream = data });
        }
    }
}
