namespace UnpackBench.Agent.Containerd;

/// <summary>
/// A containerd the benchmark talks to: either the private one the agent started, or an existing
/// one given with <c>--containerd-address</c>. Disposing stops a private containerd and leaves an
/// external one alone.
/// </summary>
internal interface IContainerdHost : IAsyncDisposable
{
    /// <summary>The connection, scoped to the agent's namespace.</summary>
    ContainerdConnection Connection { get; }

    /// <summary><c>private</c> or <c>external</c>, as the result document records it.</summary>
    string Mode { get; }

    /// <summary>containerd's process id, for measuring it and reading its environment.</summary>
    int ProcessId { get; }

    /// <summary>Completes if containerd exits while the benchmark needs it (private containerd only).</summary>
    Task Exited { get; }

    /// <summary>The last lines containerd logged, to explain a failure; empty for an external containerd.</summary>
    string LogTail();
}
