using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// Writes the <see cref="AgentTerminationMessage"/> to the file a pod declares as its
/// terminationMessagePath, which Kubernetes keeps in the pod's status even when the log cannot be read.
/// </summary>
internal static class TerminationMessageFile
{
    /// <summary>Writes the message; a path that cannot be written is ignored (the log still has everything).</summary>
    public static void Write(string? path, AgentTerminationMessage message)
    {
        if (path is null)
        {
            return;
        }

        try
        {
            File.WriteAllText(path, AgentTerminationMessageJson.Serialize(message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the structured log carries the same information.
        }
    }
}
