using System.Net;
using UnpackBench.Core.Images;
using UnpackBench.Core.References;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// Pulls an image over the OCI distribution API: the manifest the reference names from
/// <c>/v2/&lt;repo&gt;/manifests/&lt;tag|digest&gt;</c>, manifests of an index by digest from the same
/// endpoint, configs and layers from <c>/v2/&lt;repo&gt;/blobs/&lt;digest&gt;</c>. Every document's digest
/// is computed from its bytes, never taken from the registry's word.
/// </summary>
internal sealed class RegistryImageSource : IImageSource
{
    // The distribution spec lets registries refuse manifests over 4 MiB; nothing real comes close.
    private const long MaxTopLevelBytes = 4 * 1024 * 1024;

    private readonly ImageReference _reference;
    private readonly RegistryClient _client;

    /// <summary>
    /// Creates the source for <paramref name="reference"/>, over plain HTTP when <paramref name="plainHttp"/>,
    /// asking <paramref name="credentials"/> only when the registry demands authentication.
    /// </summary>
    public RegistryImageSource(ImageReference reference, bool plainHttp, RegistryCredentialStore credentials, RegistryTimeouts? timeouts = null)
    {
        _reference = reference;
        _client = new RegistryClient(reference.Domain, reference.ApiHost, reference.Repository, plainHttp, credentials, timeouts ?? RegistryTimeouts.Default);
    }

    /// <inheritdoc />
    public string DisplayName => _reference.ToString();

    /// <inheritdoc />
    public string Kind => "pull";

    private string Source => $"registry {_reference.Domain}";

    /// <inheritdoc />
    public async Task<(ContentDescriptor Descriptor, byte[] Content)> ResolveAsync(CancellationToken cancellationToken)
    {
        var path = $"/v2/{_reference.Repository}/manifests/{_reference.ManifestReference}";
        var (content, contentType, declaredDigest) = await FetchDocumentAsync(
            path, MediaTypes.ManifestAccept, MaxTopLevelBytes, $"the manifest of {DisplayName}",
            (response, token) => MissingManifestDiagnosis.ExplainAsync(_client, _reference, response, token),
            cancellationToken);

        string mediaType;
        try
        {
            mediaType = ImageDocumentParser.DetectMediaType(content, contentType);
        }
        catch (ImageFormatException e)
        {
            throw new ImageSourceException($"{Source} returned a manifest for {DisplayName} that is not usable: {e.Message}", ImageSourceFailure.Invalid, e);
        }

        if (!MediaTypes.IsIndex(mediaType) && !MediaTypes.IsManifest(mediaType))
        {
            throw new ImageSourceException(
                $"{Source} returned a document of type '{mediaType}' for {DisplayName}; expected an OCI index or manifest, or a Docker manifest list or schema 2 manifest (schema 1 is unsupported: push the image again with a current tool)",
                ImageSourceFailure.Invalid);
        }

        return (new ContentDescriptor(mediaType, VerifyDigest(content, declaredDigest), content.Length), content);
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadDocumentAsync(ContentDescriptor descriptor, long maxBytes, CancellationToken cancellationToken)
    {
        var what = $"{DocumentVerifier.DescribeKind(descriptor.MediaType)} {descriptor.Digest}";
        if (descriptor.Size > maxBytes)
        {
            throw new ImageSourceException($"{what} is {descriptor.Size} bytes, more than the {maxBytes} a document may have", ImageSourceFailure.Invalid);
        }

        var isManifest = MediaTypes.IsIndex(descriptor.MediaType) || MediaTypes.IsManifest(descriptor.MediaType) || descriptor.MediaType.Length == 0;
        var path = $"/v2/{_reference.Repository}/{(isManifest ? "manifests" : "blobs")}/{descriptor.Digest}";
        var (content, _, _) = await FetchDocumentAsync(path, isManifest ? MediaTypes.ManifestAccept : null, descriptor.Size, what, null, cancellationToken);
        DocumentVerifier.Verify(descriptor, content, Source);
        return content;
    }

    /// <inheritdoc />
    public async Task<Stream> OpenBlobAsync(ContentDescriptor descriptor, CancellationToken cancellationToken)
    {
        var what = $"blob {descriptor.Digest}";
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_client.Timeouts.BlobResponse);
        HttpResponseMessage response;
        try
        {
            response = await _client.GetAsync($"/v2/{_reference.Repository}/blobs/{descriptor.Digest}", null, timeout.Token);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RegistryFailure.Timeout(_reference.Domain, $"the headers of {what}", _client.Timeouts.BlobResponse, e);
        }

        try
        {
            if (!response.IsSuccessStatusCode)
            {
                var errors = await RegistryErrorResponse.ReadAsync(response, cancellationToken);
                throw RegistryFailure.FromStatus(response.StatusCode, response.ReasonPhrase, errors, _reference.Domain, $"{what} in repository {_reference.Repository}");
            }

            if (response.Content.Headers.ContentLength is { } length && length != descriptor.Size)
            {
                throw new ImageSourceException($"{Source} is sending {length} bytes for {what}, but the manifest says {descriptor.Size}", ImageSourceFailure.Invalid);
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            return new RegistryBlobStream(body, response, _client.Timeouts.BlobReadIdle, $"{what} from {Source}");
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _client.Dispose();
        return ValueTask.CompletedTask;
    }

    // The registry's Docker-Content-Digest is checked, not trusted; a pinned digest must match the bytes.
    private Digest VerifyDigest(byte[] content, string? declared)
    {
        var computed = Digest.Sha256Of(content);
        if (_reference.Digest is { } pinned && DocumentVerifier.Compute(pinned.Algorithm, content) != pinned)
        {
            throw new ImageSourceException(
                $"{Source} returned a manifest for {DisplayName} whose bytes hash to {DocumentVerifier.Compute(pinned.Algorithm, content)}, not the pinned {pinned}",
                ImageSourceFailure.Invalid);
        }

        if (Digest.TryParse(declared, out var header, out _) && DocumentVerifier.Compute(header.Algorithm, content) != header)
        {
            throw new ImageSourceException(
                $"{Source} says the manifest of {DisplayName} is {header}, but its bytes hash to {computed}",
                ImageSourceFailure.Invalid);
        }

        return _reference.Digest ?? computed;
    }

    private async Task<(byte[] Content, string? ContentType, string? DeclaredDigest)> FetchDocumentAsync(
        string path,
        string? accept,
        long maxBytes,
        string what,
        Func<HttpResponseMessage, CancellationToken, Task<ImageSourceException>>? explainNotFound,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_client.Timeouts.Document);
        try
        {
            using var response = await _client.GetAsync(path, accept, timeout.Token);
            if (response.StatusCode == HttpStatusCode.NotFound && explainNotFound is not null)
            {
                throw await explainNotFound(response, timeout.Token);
            }

            if (!response.IsSuccessStatusCode)
            {
                var errors = await RegistryErrorResponse.ReadAsync(response, timeout.Token);
                throw RegistryFailure.FromStatus(response.StatusCode, response.ReasonPhrase, errors, _reference.Domain, what);
            }

            var content = await ReadAtMostAsync(response, maxBytes, what, timeout.Token);
            var declared = response.Headers.TryGetValues("Docker-Content-Digest", out var values) ? values.FirstOrDefault() : null;
            return (content, response.Content.Headers.ContentType?.MediaType, declared);
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw RegistryFailure.Timeout(_reference.Domain, what, _client.Timeouts.Document, e);
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            throw new ImageSourceException($"the connection to {Source} broke while reading {what}: {e.Message}", ImageSourceFailure.Unreachable, e);
        }
    }

    private async Task<byte[]> ReadAtMostAsync(HttpResponseMessage response, long maxBytes, string what, CancellationToken cancellationToken)
    {
        var tooLarge = new ImageSourceException($"{Source} sent more than {maxBytes} bytes for {what}", ImageSourceFailure.Invalid);
        if (response.Content.Headers.ContentLength > maxBytes)
        {
            throw tooLarge;
        }

        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[checked((int)maxBytes + 1)];
        var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
        return length > maxBytes ? throw tooLarge : buffer[..length];
    }
}
