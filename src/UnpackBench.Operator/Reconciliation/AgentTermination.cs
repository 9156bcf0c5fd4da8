using System.Text.Json;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>The agent's termination message (a short JSON verdict kept in the pod's status even when its log is gone).</summary>
public sealed record AgentTermination(string Outcome, string? Reason, string Message, int? SuccessfulRuns, int? FailedRuns, double? MedianSeconds)
{
    /// <summary>Parses the message; null when it is absent or not the agent's JSON (e.g. the container never started).</summary>
    public static AgentTermination? TryParse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message) || message.TrimStart()[0] != '{')
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(message);
            var root = document.RootElement;
            return new AgentTermination(
                Text(root, "outcome") ?? "Unknown",
                Text(root, "reason"),
                Text(root, "message") ?? "",
                Integer(root, "successfulRuns"),
                Integer(root, "failedRuns"),
                root.TryGetProperty("medianSeconds", out var median) && median.ValueKind == JsonValueKind.Number ? median.GetDouble() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static int? Integer(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : null;
}
