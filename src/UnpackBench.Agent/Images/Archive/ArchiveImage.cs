using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// The one image an archive holds: its top-level document (read from the archive or synthesised) and
/// where each of its blobs lies in the tar.
/// </summary>
/// <param name="Descriptor">The top-level document's descriptor, as <see cref="IImageSource.ResolveAsync"/> returns it.</param>
/// <param name="Content">The top-level document's exact bytes.</param>
/// <param name="BlobEntries">
/// Entry names for blobs that are not at <c>blobs/&lt;algorithm&gt;/&lt;hex&gt;</c> (a legacy <c>docker save</c>
/// stores them as <c>&lt;id&gt;/layer.tar</c>); empty for an OCI layout.
/// </param>
internal sealed record ArchiveImage(ContentDescriptor Descriptor, byte[] Content, IReadOnlyDictionary<Digest, string> BlobEntries)
{
    /// <summary>The tar entry that holds the blob with <paramref name="digest"/>.</summary>
    public string EntryNameFor(Digest digest) =>
        BlobEntries.TryGetValue(digest, out var name) ? name : OciBlobPath(digest);

    /// <summary>Where an OCI image layout keeps a blob: <c>blobs/sha256/4f53…</c>.</summary>
    public static string OciBlobPath(Digest digest) => $"blobs/{digest.Algorithm}/{digest.Hex}";
}
