using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Images;

/// <summary>
/// Serialises manifests, configs and indexes compactly and without escaping <c>+</c> in media types
/// (System.Text.Json's default encoder writes <c>\u002B</c>, which no image tool does).
/// </summary>
internal static class ImageJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string ToText(JsonNode node) => node.ToJsonString(Options);
}
