using System.Text;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Combines single-platform images into an OCI image index or a Docker manifest list whose entries carry
/// their <c>platform</c>.
/// </summary>
public sealed class ImageIndexBuilder
{
    private readonly List<BuiltImage> _images = [];

    /// <summary>Adds a platform's image; it must have been built into the same layout, in the index's format.</summary>
    public ImageIndexBuilder WithImage(BuiltImage image)
    {
        if (_images.Any(existing => existing.Platform == image.Platform))
        {
            throw new ArgumentException($"the index already has an image for {image.Platform}.", nameof(image));
        }

        _images.Add(image);
        return this;
    }

    /// <summary>
    /// Writes the index (OCI) or manifest list (Docker, per <paramref name="format"/>) into <paramref name="layout"/>,
    /// listing it in <c>index.json</c> under <paramref name="name"/> when given.
    /// </summary>
    public BuiltImageIndex Build(OciLayout layout, ImageFormat format = ImageFormat.Oci, string? name = null)
    {
        if (_images.Count == 0)
        {
            throw new InvalidOperationException("An index needs at least one image; add them with WithImage.");
        }

        if (_images.FirstOrDefault(image => image.Format != format) is { } mismatched)
        {
            throw new InvalidOperationException(
                $"the {mismatched.Platform} image was built as {mismatched.Format}, but the index is {format}; build every image in the index's format.");
        }

        var children = _images.ConvertAll(image => image.Descriptor with { Platform = image.Platform });
        var json = ImageJson.ToText(new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.Index(format),
            ["manifests"] = new JsonArray([.. children.Select(child => child.ToJson())]),
        });
        var descriptor = layout.Blobs.Add(Encoding.UTF8.GetBytes(json), MediaTypes.Index(format));
        if (name is not null)
        {
            layout.AddToIndex(descriptor, name);
        }

        return new BuiltImageIndex(name, format, descriptor, [.. _images], children, layout.Blobs);
    }
}
