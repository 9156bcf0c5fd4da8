using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Archives;

/// <summary>
/// Exports an image as an OCI image layout tar — <c>oci-layout</c>, <c>index.json</c>, <c>blobs/sha256/…</c> —
/// the format <c>ctr images import</c>, <c>docker load</c> and skopeo's <c>oci-archive:</c> read.
/// </summary>
public static class OciArchive
{
    /// <summary>
    /// Writes <paramref name="image"/> (a single image or an index, with every blob it references) to
    /// <paramref name="destination"/>. <c>index.json</c> lists only this image, annotated with
    /// <paramref name="name"/> (default: the image's name). With <paramref name="gzip"/> the whole tar is gzip-compressed.
    /// </summary>
    public static void Write(IBuiltImage image, string destination, bool gzip = false, string? name = null)
    {
        using var archive = new ArchiveTarWriter(destination, gzip);
        archive.AddFile("oci-layout", OciLayout.LayoutFileJson());
        archive.AddFile("index.json", OciLayout.IndexJson([OciLayout.Named(image.Descriptor, name ?? image.Name)]));
        archive.AddDirectory("blobs/sha256");
        foreach (var blob in AllBlobs(image))
        {
            using var data = image.Blobs.OpenRead(blob.Digest);
            archive.AddFile($"blobs/sha256/{blob.Hex}", data);
        }
    }

    /// <summary>Every blob an archive of <paramref name="image"/> holds: layers, configs, manifests, index.</summary>
    public static IReadOnlyList<Descriptor> AllBlobs(IBuiltImage image) =>
        [.. image.BlobDescriptors.Concat(image.ChildManifests).Append(image.Descriptor).DistinctBy(blob => blob.Digest)];
}
