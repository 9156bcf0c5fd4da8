namespace UnpackBench.Testing.Images;

/// <summary>
/// A content-addressed blob directory laid out as OCI wants it: <c>&lt;root&gt;/blobs/sha256/&lt;hex&gt;</c>.
/// Blobs are written to a temporary file while being hashed, then renamed into place.
/// </summary>
public sealed class BlobStore
{
    /// <summary>Uses (and creates) <c>blobs/sha256</c> under <paramref name="root"/>.</summary>
    public BlobStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Sha256Directory);
    }

    /// <summary>The directory holding <c>blobs/</c>.</summary>
    public string Root { get; }

    /// <summary><c>&lt;root&gt;/blobs/sha256</c>.</summary>
    public string Sha256Directory => Path.Combine(Root, "blobs", "sha256");

    /// <summary>Where the blob with <paramref name="digest"/> lives (whether or not it exists).</summary>
    public string PathOf(string digest) => Path.Combine(Sha256Directory, ContentDigest.Hex(digest));

    /// <summary>True when the blob is present.</summary>
    public bool Contains(string digest) => File.Exists(PathOf(digest));

    /// <summary>Opens a stored blob for reading; throws a readable error when it is absent.</summary>
    public Stream OpenRead(string digest)
    {
        var path = PathOf(digest);
        return File.Exists(path)
            ? File.OpenRead(path)
            : throw new FileNotFoundException($"blob {digest} is not in the blob store at {Root}", path);
    }

    /// <summary>Reads a whole stored blob (manifests, configs).</summary>
    public byte[] ReadAllBytes(string digest)
    {
        using var stream = OpenRead(digest);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Stores <paramref name="bytes"/> and returns its descriptor.</summary>
    public Descriptor Add(ReadOnlySpan<byte> bytes, string mediaType)
    {
        using var blob = BeginWrite();
        blob.Stream.Write(bytes);
        return blob.Commit(mediaType);
    }

    /// <summary>Starts a streamed write; call <see cref="PendingBlob.Commit"/> when done, dispose either way.</summary>
    public PendingBlob BeginWrite() => new(this, Path.Combine(Sha256Directory, $".incoming-{Guid.NewGuid():N}"));
}
