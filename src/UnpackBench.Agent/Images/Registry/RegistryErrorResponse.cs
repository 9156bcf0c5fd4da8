using System.Text.Json;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// The error body of the distribution API, <c>{"errors":[{"code":"MANIFEST_UNKNOWN","message":"…"}]}</c>.
/// Registries differ in what they fill in, so every part is optional and a body that is not this shape
/// parses as no errors.
/// </summary>
internal sealed record RegistryErrorResponse(IReadOnlyList<(string Code, string Message)> Errors)
{
    /// <summary>A response without recognisable errors.</summary>
    public static RegistryErrorResponse None { get; } = new([]);

    /// <summary>Whether any error has <paramref name="code"/> (e.g. <c>NAME_UNKNOWN</c>).</summary>
    public bool Has(string code) => Errors.Any(e => e.Code == code);

    /// <summary>The registry's own words, <c>"manifest unknown"</c>, or null when it gave none.</summary>
    public string? Summary => Errors.Count == 0
        ? null
        : string.Join("; ", Errors.Select(e => e.Message.Length > 0 ? e.Message : e.Code).Distinct());

    /// <summary>Parses <paramref name="body"/>, tolerating anything that is not an error document.</summary>
    public static RegistryErrorResponse Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("errors", out var errors)
                || errors.ValueKind != JsonValueKind.Array)
            {
                return None;
            }

            var list = errors.EnumerateArray()
                .Where(e => e.ValueKind == JsonValueKind.Object)
                .Select(e => (Text(e, "code"), Text(e, "message")))
                .ToList();
            return new RegistryErrorResponse(list);
        }
        catch (JsonException)
        {
            return None;
        }
    }

    /// <summary>Reads and parses the body of a failed <paramref name="response"/>, at most 64 KiB of it.</summary>
    public static async Task<RegistryErrorResponse> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
            var buffer = new byte[64 * 1024];
            var length = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return Parse(buffer.AsSpan(0, length));
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return None;
        }
    }

    private static string Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
