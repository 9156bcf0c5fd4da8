using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// Writes and reads <see cref="AgentTerminationMessage"/>. What it writes is always one valid JSON object
/// of at most <see cref="AgentTerminationMessage.MaxBytes"/> UTF-8 bytes: when the whole does not fit,
/// whole fields are cut, never bytes, in this order: the layer count and sizes, then the per-run
/// durations, then the message is shortened (ending in "…"), and as a last resort everything but the
/// outcome and the reason. Each cut is named in <see cref="AgentTerminationMessage.Cut"/>.
/// </summary>
public static class AgentTerminationMessageJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly Func<AgentTerminationMessage, AgentTerminationMessage>[] Cuts =
    [
        m => m with { Layers = null, CompressedBytes = null, UncompressedBytes = null, Cut = [.. m.Cut, "layers"] },
        m => m with { RunSeconds = null, Cut = [.. m.Cut, "runSeconds"] },
    ];

    /// <summary>The message as JSON of at most <see cref="AgentTerminationMessage.MaxBytes"/> bytes.</summary>
    public static string Serialize(AgentTerminationMessage message)
    {
        var current = message with { Cut = [] };
        foreach (var cut in Cuts)
        {
            if (Fits(current))
            {
                return Json(current);
            }

            current = cut(current);
        }

        return Fits(current) ? Json(current) : Json(ShortenMessage(current));
    }

    /// <summary>Parses a termination message; null when it is absent or not the agent's (e.g. the container never started).</summary>
    public static AgentTerminationMessage? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<AgentTerminationMessage>(text, Options);
            return parsed is { Outcome.Length: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // The longest prefix of the message that fits, found by bisection (the size grows with the prefix).
    private static AgentTerminationMessage ShortenMessage(AgentTerminationMessage message)
    {
        var shortened = message with { Cut = [.. message.Cut, "message"] };
        int low = 0, high = message.Message.Length;
        while (low < high)
        {
            var middle = (low + high + 1) / 2;
            if (Fits(shortened with { Message = Prefix(message.Message, middle) }))
            {
                low = middle;
            }
            else
            {
                high = middle - 1;
            }
        }

        var fitted = shortened with { Message = Prefix(message.Message, low) };
        return Fits(fitted)
            ? fitted
            : new AgentTerminationMessage { Outcome = message.Outcome, Reason = Prefix(message.Reason ?? "", 128), Cut = ["everything"] };
    }

    // Never splits a surrogate pair, so the text stays valid UTF-16 (and its JSON valid UTF-8).
    private static string Prefix(string text, int length)
    {
        if (length >= text.Length)
        {
            return text;
        }

        if (length > 0 && char.IsHighSurrogate(text[length - 1]))
        {
            length--;
        }

        return text[..length] + "…";
    }

    private static bool Fits(AgentTerminationMessage message) => Encoding.UTF8.GetByteCount(Json(message)) <= AgentTerminationMessage.MaxBytes;

    private static string Json(AgentTerminationMessage message) => JsonSerializer.Serialize(message, Options);
}
