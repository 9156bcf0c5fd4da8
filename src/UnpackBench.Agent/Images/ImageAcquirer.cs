using Grpc.Core;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Containerd.Api;
using UnpackBench.Agent.Containerd.Api.Images;
using UnpackBench.Agent.Containerd.Api.Leases;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Images;

/// <summary>
/// Gets an image into containerd's content store once, untimed, without unpacking it: resolve the
/// root, pick the platform's manifest, read the config, stream the layers (skipping blobs already
/// stored — the content cache), label everything for GC and record the image. A lease protects the
/// blobs while they are written and expires on its own if the agent dies.
/// </summary>
internal sealed class ImageAcquirer(ContainerdConnection connection, TimeProvider time)
{
    private readonly ContentStore _content = new(connection);

    /// <summary>
    /// Acquires the image from <paramref name="source"/> for <paramref name="platform"/>. When
    /// <paramref name="platformExplicit"/> is set (the user chose the platform), a single-platform
    /// image of another platform is an error rather than accepted as is.
    /// </summary>
    public async Task<AcquiredImage> AcquireAsync(
        IImageSource source, Platform platform, bool platformExplicit, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        var leaseId = $"unpackbench-acquire-{Guid.NewGuid():N}";
        var lease = new CreateRequest { Id = leaseId };
        lease.Labels.Add(GcLabels.Expiring(time, TimeSpan.FromHours(24)));
        await connection.Leases.CreateAsync(lease, connection.Call(cancellationToken));
        try
        {
            return await AcquireUnderLeaseAsync(source, platform, platformExplicit, leaseId, progress, cancellationToken);
        }
        finally
        {
            await connection.Leases.DeleteAsync(new DeleteRequest { Id = leaseId }, connection.Call(CancellationToken.None));
        }
    }

    private async Task<AcquiredImage> AcquireUnderLeaseAsync(
        IImageSource source, Platform platform, bool platformExplicit, string leaseId, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        var resolved = await ImageResolver.ResolveAsync(source, platform, platformExplicit, cancellationToken);
        var (root, rootBytes, index, manifestDescriptor, manifestBytes) = (resolved.Root, resolved.RootBytes, resolved.Index, resolved.ManifestDescriptor, resolved.ManifestBytes);
        var (manifest, configBytes, config) = (resolved.Manifest, resolved.ConfigBytes, resolved.Config);

        long downloaded = 0;
        for (var i = 0; i < manifest.Layers.Count; i++)
        {
            downloaded += await StoreLayerAsync(source, manifest.Layers[i], config.DiffIds[i], $"layer {i + 1}/{manifest.Layers.Count}", leaseId, progress, cancellationToken);
        }

        // Children before parents, so a parent's GC labels never point at missing content.
        await _content.WriteAsync(manifest.Config, configBytes, new Dictionary<string, string>(), leaseId, cancellationToken);
        await _content.WriteAsync(manifestDescriptor, manifestBytes, GcLabels.ForManifest(manifest), leaseId, cancellationToken);
        if (index is not null)
        {
            await _content.WriteAsync(root, rootBytes, GcLabels.ForIndex(manifestDescriptor), leaseId, cancellationToken);
        }

        await RecordImageAsync(ImageRecordName(source), root, cancellationToken);
        return new AcquiredImage
        {
            Name = ImageRecordName(source),
            Source = source.Kind,
            Root = root,
            Manifest = manifestDescriptor,
            Config = manifest.Config,
            Platform = config.Platform,
            Layers = manifest.Layers,
            DiffIds = config.DiffIds,
            DownloadedBytes = downloaded,
        };
    }

    /// <summary>Stores one layer blob unless the content store has it; returns the bytes it fetched (0 for a cached blob).</summary>
    private async Task<long> StoreLayerAsync(
        IImageSource source, ContentDescriptor layer, Digest diffId, string what, string leaseId, IProgress<AcquisitionProgress>? progress, CancellationToken cancellationToken)
    {
        if (await _content.ExistsAsync(layer.Digest, cancellationToken))
        {
            progress?.Report(new AcquisitionProgress(what, layer.Size, layer.Size, Cached: true));
            return 0;
        }

        await using var blob = await source.OpenBlobAsync(layer, cancellationToken);
        var bytes = new Progress<long>(n => progress?.Report(new AcquisitionProgress(what, n, layer.Size, Cached: false)));
        try
        {
            await _content.WriteAsync(layer, blob, GcLabels.ForLayer(diffId), leaseId, bytes, cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.InvalidArgument)
        {
            throw new ImageSourceException(
                $"{what} ({layer.Digest}) from {source.DisplayName} does not match its descriptor ({ContainerdErrors.Describe(e)}); the download or archive is corrupt",
                ImageSourceFailure.Invalid, e);
        }

        return layer.Size;
    }

    private async Task RecordImageAsync(string name, ContentDescriptor root, CancellationToken cancellationToken)
    {
        var image = new Image
        {
            Name = name,
            Target = new OciDescriptor { MediaType = root.MediaType, Digest = root.Digest.ToString(), Size = root.Size },
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

    private static string ImageRecordName(IImageSource source) =>
        source.Kind == "archive" ? $"import.unpackbench.io/{Sanitise(source.DisplayName)}:latest" : source.DisplayName;

    private static string Sanitise(string fileName) =>
        new(fileName.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '-').ToArray());
}
