using System.Text.Json.Nodes;
using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Containerd.Api.Images;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Images;
using UnpackBench.Core.Variants;

namespace UnpackBench.Agent.Reencoding;

/// <summary>
/// Keeps what-if variants of an image in the content store as images of their own: the same config
/// (so the same diff IDs and chain), new layer blobs in the variant's encoding, a new OCI manifest, and
/// an image record <c>variants.unpackbench.io/MANIFESTHEX:ENCODING</c> that protects them from garbage
/// collection. A later benchmark of the same image finds the record and reuses the variant instead of
/// re-encoding it; deleting the record (or the agent's root) lets containerd collect it.
/// </summary>
internal sealed class VariantImageStore(ContainerdConnection connection, TimeProvider time, string scratchDirectory)
{
    private const string RecordHost = "variants.unpackbench.io";
    private readonly ContentStore _content = new(connection);

    /// <summary>The variant of <paramref name="original"/> in <paramref name="encoding"/>, re-encoded now or found from an earlier benchmark.</summary>
    public async Task<AcquiredImage> GetOrCreateAsync(AcquiredImage original, LayerEncoding encoding, Action<string> progress, CancellationToken cancellationToken)
    {
        var name = $"{RecordHost}/{original.Manifest.Digest.Hex}:{encoding.Name}";
        if (await FindAsync(original, name, cancellationToken) is { } stored)
        {
            progress($"{encoding.Name}: reusing the variant stored by an earlier benchmark");
            return Variant(original, name, stored);
        }

        var leaseId = $"unpackbench-reencode-{Guid.NewGuid():N}";
        var lease = new CreateRequest { Id = leaseId };
        lease.Labels.Add(GcLabels.Expiring(time, TimeSpan.FromHours(24)));
        await connection.Leases.CreateAsync(lease, connection.Call(cancellationToken));
        try
        {
            var reencoder = new LayerReencoder(connection, scratchDirectory);
            var layers = new List<ContentDescriptor>(original.Layers.Count);
            for (var i = 0; i < original.Layers.Count; i++)
            {
                var what = $"layer {i + 1}/{original.Layers.Count}";
                progress($"{encoding.Name}: re-encoding {what} (untimed)");
                layers.Add(await reencoder.ReencodeAsync(original.Layers[i], original.DiffIds[i], encoding, what, leaseId, cancellationToken));
            }

            var manifest = await WriteManifestAsync(original.Config, layers, leaseId, cancellationToken);
            await RecordAsync(name, manifest, cancellationToken);
            return Variant(original, name, (manifest, layers));
        }
        finally
        {
            await connection.Leases.DeleteAsync(new DeleteRequest { Id = leaseId }, connection.Call(CancellationToken.None));
        }
    }

    private static AcquiredImage Variant(AcquiredImage original, string name, (ContentDescriptor Manifest, IReadOnlyList<ContentDescriptor> Layers) stored) =>
        original with { Name = name, Root = stored.Manifest, Manifest = stored.Manifest, Layers = stored.Layers };

    private async Task<(ContentDescriptor, IReadOnlyList<ContentDescriptor>)?> FindAsync(AcquiredImage original, string name, CancellationToken cancellationToken)
    {
        Image record;
        try
        {
            record = (await connection.Images.GetAsync(new GetImageRequest { Name = name }, connection.Call(cancellationToken))).Image;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }

        var descriptor = new ContentDescriptor(record.Target.MediaType, Digest.Parse(record.Target.Digest), record.Target.Size);
        if (!await _content.ExistsAsync(descriptor.Digest, cancellationToken))
        {
            return null;
        }

        var manifest = ImageDocumentParser.ParseManifest(await _content.ReadAllAsync(descriptor, cancellationToken));
        if (manifest.Config.Digest != original.Config.Digest || manifest.Layers.Count != original.Layers.Count)
        {
            return null;
        }

        foreach (var layer in manifest.Layers)
        {
            if (!await _content.ExistsAsync(layer.Digest, cancellationToken))
            {
                return null;
            }
        }

        return (descriptor, manifest.Layers);
    }

    private async Task<ContentDescriptor> WriteManifestAsync(ContentDescriptor config, IReadOnlyList<ContentDescriptor> layers, string leaseId, CancellationToken cancellationToken)
    {
        var document = new JsonObject
        {
            ["schemaVersion"] = 2,
            ["mediaType"] = MediaTypes.OciManifest,
            ["config"] = Describe(config with { MediaType = MediaTypes.OciConfig }),
            ["layers"] = new JsonArray(layers.Select(l => (JsonNode)Describe(l)).ToArray()),
        };
        var bytes = System.Text.Encoding.UTF8.GetBytes(document.ToJsonString());
        var descriptor = new ContentDescriptor(MediaTypes.OciManifest, Digest.Sha256Of(bytes), bytes.Length);
        var labels = GcLabels.ForManifest(new ImageManifest(MediaTypes.OciManifest, config, layers));
        await _content.WriteAsync(descriptor, bytes, labels, leaseId, cancellationToken);
        return descriptor;
    }

    private static JsonObject Describe(ContentDescriptor descriptor) => new()
    {
        ["mediaType"] = descriptor.MediaType,
        ["digest"] = descriptor.Digest.ToString(),
        ["size"] = descriptor.Size,
    };

    private async Task RecordAsync(string name, ContentDescriptor manifest, CancellationToken cancellationToken)
    {
        var image = new Image
        {
            Name = name,
            Target = new OciDescriptor { MediaType = manifest.MediaType, Digest = manifest.Digest.ToString(), Size = manifest.Size },
        };
        try
        {
            await connection.Images.CreateAsync(new CreateImageRequest { Image = image }, connection.Call(cancellationToken));
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.AlreadyExists)
        {
            await connection.Images.UpdateAsync(new UpdateImageRequest { Image = image }, connection.Call(cancellationToken));
        }
    }
}
