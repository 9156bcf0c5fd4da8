using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UnpackBench.Testing.Kubernetes;

/// <summary>Serialises JSON nodes to UTF-8 once, so watchers share bytes rather than mutable nodes.</summary>
internal static class JsonBytes
{
    // Escape only what JSON requires, as Go's encoder does, so messages read as the real server's.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Of(JsonNode node)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            node.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static JsonObject Parse(byte[] utf8) =>
        JsonNode.Parse(utf8) as JsonObject ?? throw new InvalidOperationException("stored JSON is not an object");
}
