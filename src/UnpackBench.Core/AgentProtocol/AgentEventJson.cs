using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>Writes and reads agent events, one compact JSON object per line, in the result document's snake_case.</summary>
public static class AgentEventJson
{
    private static readonly JsonSerializerOptions Compact = new(ResultJson.Options) { WriteIndented = false };

    /// <summary>One line, without the newline.</summary>
    public static string Serialize(AgentEvent agentEvent) => JsonSerializer.Serialize(agentEvent, Compact);

    /// <summary>Parses a log line; null when it is not an agent event (other output, a truncated line).</summary>
    public static AgentEvent? TryParse(string line)
    {
        var trimmed = line.AsSpan().Trim();
        if (trimmed.Length < 2 || trimmed[0] != '{')
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<AgentEvent>(trimmed, Compact);
            return parsed is { Event.Length: > 0 } ? parsed : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
