namespace UnpackBench.Testing.Images;

/// <summary>
/// A small three-layer image (under 2 MB) that exercises every unpack rule: files with setuid and private modes,
/// non-root owners, symlinks (relative and absolute), hard links, whiteouts of a file and of a directory, an opaque
/// directory, overwrites across layers, a directory replaced by a file, and a hard-link group split by an overwrite.
/// </summary>
public static class SampleImage
{
    /// <summary>The three layers, bottom first; OCI images get a zstd middle layer, Docker ones an uncompressed one.</summary>
    public static IReadOnlyList<BuiltLayer> BuildLayers(BlobStore blobs, ImageFormat format = ImageFormat.Oci)
    {
        var bottom = new LayerBuilder()
            .Directory("etc")
            .File("etc/hostname", "unpackbench\n")
            .File("etc/config", "level=1\n")
            .Symlink("etc/hostname-link", "hostname")
            .Directory("usr/bin")
            .File("usr/bin/tool", FileContent.Random(64 * 1024, seed: 7), UnixModes.FromOctal("4755"))
            .Hardlink("usr/bin/tool-again", "usr/bin/tool")
            .Symlink("usr/bin/tool-abs", "/usr/bin/tool")
            .Directory("data", UnixModes.FromOctal("0700"), uid: 1000, gid: 1000)
            .File("data/zeros.bin", FileContent.Zeros(1024 * 1024), uid: 1000, gid: 1000)
            .File("data/random.bin", FileContent.Random(256 * 1024, seed: 8))
            .Hardlink("data/random-link.bin", "data/random.bin")
            .File("docs/a.txt", "a\n")
            .File("docs/b.txt", "b\n")
            .File("opaque/one", "1\n")
            .File("opaque/sub/two", "2\n")
            .File("gone/file", "x\n")
            .File("gone/dir/deep", "y\n")
            .Build(blobs, LayerCompression.Gzip);
        var middle = new LayerBuilder()
            .Whiteout("docs/a.txt")
            .Whiteout("gone")
            .OpaqueWhiteout("opaque")
            .File("opaque/three", "3\n")
            .File("etc/config", "level=2\n", UnixModes.FromOctal("0600"))
            .Directory("data", UnixModes.FromOctal("0750"), uid: 1000, gid: 1000)
            .File("data/random-link.bin", "no longer a link\n")
            .File("bin2/x", FileContent.Random(4096, seed: 9))
            .Hardlink("bin2/y", "bin2/x")
            .Build(blobs, format == ImageFormat.Oci ? LayerCompression.Zstd : LayerCompression.None);
        var top = new LayerBuilder()
            .File("docs", "docs is a file now\n")
            .Symlink("etc/hostname-link", "/etc/config")
            .File("etc/sticky/readme", "t\n")
            .Directory("etc/sticky", UnixModes.FromOctal("1777"))
            .Build(blobs, LayerCompression.Gzip);
        return [bottom, middle, top];
    }

    /// <summary>Builds the layers and a linux/amd64 image from them into <paramref name="layout"/>.</summary>
    public static BuiltImage Build(OciLayout layout, ImageFormat format = ImageFormat.Oci, string? name = null, Platform? platform = null) =>
        new ImageBuilder(platform ?? Platform.LinuxAmd64)
            .WithLayers(BuildLayers(layout.Blobs, format))
            .Build(layout, format, name);

    /// <summary>
    /// Writes the image as an OCI archive <c>sample.tar</c> in <paramref name="directory"/> (its layout goes to
    /// <c>layout</c> beside it) and returns the archive's path: what a test hands the agent's <c>--archive</c>.
    /// </summary>
    public static string WriteArchive(string directory, string? name = null)
    {
        var archive = Path.Combine(directory, "sample.tar");
        Archives.OciArchive.Write(Build(OciLayout.Create(Path.Combine(directory, "layout")), ImageFormat.Oci, name), archive);
        return archive;
    }
}
