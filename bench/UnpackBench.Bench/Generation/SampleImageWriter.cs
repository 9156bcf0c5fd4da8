using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// Writes the test library's <see cref="SampleImage"/> — three small layers that exercise every unpack rule —
/// as an OCI archive or a <c>docker save</c> tar. The same bytes every time.
/// </summary>
internal static class SampleImageWriter
{
    /// <summary>The name the archive gives the image.</summary>
    public const string Name = "localhost/unpackbench/sample:latest";

    /// <summary>Writes the archive to <paramref name="output"/> (replacing it) and returns the image's manifest digest.</summary>
    public static string Write(string output, ImageFormat format)
    {
        using var layoutDirectory = new TempDirectory("sample-image");
        var image = SampleImage.Build(OciLayout.Create(layoutDirectory.Path), format, Name, MachinePlatform.Current);
        var directory = Path.GetDirectoryName(Path.GetFullPath(output));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        var partial = output + ".partial";
        if (format == ImageFormat.Oci)
        {
            OciArchive.Write(image, partial);
        }
        else
        {
            DockerArchive.Write(image, partial);
        }

        File.Move(partial, output, overwrite: true);
        return image.ManifestDigest;
    }
}
