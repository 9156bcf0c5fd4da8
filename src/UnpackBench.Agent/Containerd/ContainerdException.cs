namespace UnpackBench.Agent.Containerd;

/// <summary>containerd could not be started, reached or used; the message says what was being done.</summary>
internal sealed class ContainerdException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ContainerdException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
