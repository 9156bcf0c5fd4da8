using System.Text.Json;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// A short JSON outcome in the file a pod declares as its terminationMessagePath, which Kubernetes
/// keeps in the pod's status even when the log is gone. Kubernetes truncates it at 4096 bytes, so it
/// holds the verdict and counts, never the document.
/// </summary>
internal static class TerminationMessage
{
    private const int MaxBytes = 4096;

    /// <summary>Writes the outcome; a path that cannot be written is ignored (the log still has everything).</summary>
    public static void Write(string? path, string outcome, string? reason, string message, BenchmarkSummary? summary)
    {
        if (path is null)
        {
            return;
        }

        var shortMessage = message.Length > 1500 ? message[..1500] + "…" : message;
        var json = JsonSerializer.Serialize(new
        {
            outcome,
            reason,
            message = shortMessage,
            successfulRuns = summary?.SuccessfulRuns,
            failedRuns = summary?.FailedRuns,
            medianSeconds = summary?.MedianDurationSeconds,
        });
        try
        {
            File.WriteAllText(path, json.Length > MaxBytes ? json[..MaxBytes] : json);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the structured log carries the same information.
        }
    }
}
