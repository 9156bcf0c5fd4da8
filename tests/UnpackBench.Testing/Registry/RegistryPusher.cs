using System.Net;
using System.Net.Http.Headers;
using UnpackBench.Testing.Images;

namespace UnpackBench.Testing.Registry;

/// <summary>
/// Pushes an image from its blob store over the OCI distribution API: each layer and config blob (skipped when
/// HEAD finds it) by POST to <c>/blobs/uploads/</c> then a monolithic PUT with <c>?digest=</c>; child manifests by
/// digest; the top manifest or index by tag, each with its media type as Content-Type.
/// </summary>
public sealed class RegistryPusher
{
    private readonly HttpClient _client;

    /// <summary>Uses <paramref name="client"/>, whose base address is the registry and which carries any credentials.</summary>
    public RegistryPusher(HttpClient client) => _client = client;

    /// <summary>Pushes <paramref name="image"/> to <c>repository:tag</c>.</summary>
    public async Task PushAsync(IBuiltImage image, string repository, string tag, CancellationToken cancellationToken = default)
    {
        foreach (var blob in image.BlobDescriptors)
        {
            await PushBlobAsync(image.Blobs, repository, blob, cancellationToken);
        }

        foreach (var manifest in image.ChildManifests)
        {
            await PushManifestAsync(image.Blobs, repository, manifest, manifest.Digest, cancellationToken);
        }

        await PushManifestAsync(image.Blobs, repository, image.Descriptor, tag, cancellationToken);
    }

    private async Task PushBlobAsync(BlobStore blobs, string repository, Descriptor blob, CancellationToken cancellationToken)
    {
        using (var head = new HttpRequestMessage(HttpMethod.Head, $"v2/{repository}/blobs/{blob.Digest}"))
        using (var exists = await _client.SendAsync(head, cancellationToken))
        {
            if (exists.StatusCode == HttpStatusCode.OK)
            {
                return;
            }
        }

        using var start = await _client.PostAsync(new Uri($"v2/{repository}/blobs/uploads/", UriKind.Relative), null, cancellationToken);
        await EnsureStatusAsync(start, HttpStatusCode.Accepted, $"starting the upload of {blob.Digest} to {repository}", cancellationToken);
        var location = start.Headers.Location
            ?? throw new InvalidOperationException($"starting the upload of {blob.Digest} to {repository}: the registry sent no Location header.");
        var upload = location.IsAbsoluteUri ? location : new Uri(_client.BaseAddress!, location);
        var separator = upload.Query.Length == 0 ? "?" : "&";
        var put = new Uri($"{upload}{separator}digest={Uri.EscapeDataString(blob.Digest)}");

        using var data = new StreamContent(blobs.OpenRead(blob.Digest));
        data.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        using var done = await _client.PutAsync(put, data, cancellationToken);
        await EnsureStatusAsync(done, HttpStatusCode.Created, $"uploading {blob.Digest} ({blob.Size} bytes) to {repository}", cancellationToken);
    }

    private async Task PushManifestAsync(BlobStore blobs, string repository, Descriptor manifest, string reference, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(blobs.ReadAllBytes(manifest.Digest));
        content.Headers.ContentType = new MediaTypeHeaderValue(manifest.MediaType);
        using var response = await _client.PutAsync(new Uri($"v2/{repository}/manifests/{reference}", UriKind.Relative), content, cancellationToken);
        await EnsureStatusAsync(response, HttpStatusCode.Created, $"putting manifest {manifest.Digest} as {repository}:{reference}", cancellationToken);
    }

    private static async Task EnsureStatusAsync(HttpResponseMessage response, HttpStatusCode expected, string what, CancellationToken cancellationToken)
    {
        if (response.StatusCode != expected)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new HttpRequestException($"{what}: expected {(int)expected}, got {(int)response.StatusCode} {response.ReasonPhrase}: {body}");
        }
    }
}
