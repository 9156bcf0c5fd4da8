using System.Net;
using System.Text.Json;
using UnpackBench.Core.References;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// Explains a 404 for an image's manifest: is the repository unknown, or only the tag? Registries do
/// not agree on the error code (distribution answers <c>MANIFEST_UNKNOWN</c> for an unknown repository
/// too), so unless the body already says <c>NAME_UNKNOWN</c>, the repository's tag list is asked: it
/// answers 404 for an unknown repository and otherwise shows the tags the user could have meant.
/// </summary>
internal static class MissingManifestDiagnosis
{
    private const int TagsShown = 10;
    private const int MaxTagListBytes = 1024 * 1024;

    /// <summary>Builds the <see cref="ImageSourceFailure.NotFound"/> failure for <paramref name="reference"/>.</summary>
    public static async Task<ImageSourceException> ExplainAsync(
        RegistryClient client, ImageReference reference, HttpResponseMessage notFound, CancellationToken cancellationToken)
    {
        var errors = await RegistryErrorResponse.ReadAsync(notFound, cancellationToken);
        var (repositoryExists, tags) = errors.Has("NAME_UNKNOWN")
            ? (false, null)
            : await ProbeTagsAsync(client, reference.Repository, cancellationToken);

        var image = reference.ToString();
        if (!repositoryExists)
        {
            return new ImageSourceException(
                $"image {image} not found: the registry has no repository {reference.Repository}",
                ImageSourceFailure.NotFound);
        }

        var missing = reference.Digest is { } digest ? $"manifest {digest}" : $"tag {reference.Tag}";
        var offered = tags is { Count: > 0 }
            ? $"; it has: {string.Join(", ", tags.Take(TagsShown))}{(tags.Count > TagsShown ? ", …" : "")}"
            : "";
        return new ImageSourceException(
            $"image {image} not found: the registry has no {missing} in repository {reference.Repository}{offered}",
            ImageSourceFailure.NotFound);
    }

    // (true, tags) when the tag list answers; (false, null) when it says the repository is unknown;
    // (true, null) when it cannot tell, so the message falls back to the missing tag.
    private static async Task<(bool RepositoryExists, IReadOnlyList<string>? Tags)> ProbeTagsAsync(
        RegistryClient client, string repository, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await client.GetAsync($"/v2/{repository}/tags/list?n=100", "application/json", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                var errors = await RegistryErrorResponse.ReadAsync(response, cancellationToken);
                return (!errors.Has("NAME_UNKNOWN"), null);
            }

            if (!response.IsSuccessStatusCode || response.Content.Headers.ContentLength > MaxTagListBytes)
            {
                return (true, null);
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync(cancellationToken));
            var tags = document.RootElement.TryGetProperty("tags", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(t => t.ValueKind == JsonValueKind.String).Select(t => t.GetString()!).Order(StringComparer.Ordinal).ToList()
                : [];
            return (true, tags);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (true, null);
        }
    }
}
