namespace UnpackBench.Agent.Documents;

/// <summary>A result document named on the command line cannot be used; the message says why and what to do.</summary>
/// <param name="message">The sentence for the user.</param>
/// <param name="isUsageError">True when the argument itself is wrong (exit code 2), false when reading failed (exit code 1).</param>
internal sealed class DocumentInputException(string message, bool isUsageError = true) : Exception(message)
{
    /// <summary>Whether the user named something that cannot work, rather than the machine failing to read it.</summary>
    public bool IsUsageError { get; } = isUsageError;
}
