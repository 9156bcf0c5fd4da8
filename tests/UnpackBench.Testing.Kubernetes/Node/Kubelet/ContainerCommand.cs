namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// What a container command runs as on a test node: a local executable (a path, or a name looked up on the
/// test process's <c>PATH</c>) and the arguments that go before the container's own — e.g. the command
/// <c>unpackbench-agent</c> as <c>dotnet</c> with the agent's dll.
/// </summary>
/// <param name="Executable">The program to run.</param>
/// <param name="LeadingArguments">Arguments put before the container's arguments.</param>
public sealed record ContainerCommand(string Executable, IReadOnlyList<string> LeadingArguments)
{
    /// <summary>A command that runs <paramref name="executable"/> with the container's arguments only.</summary>
    public ContainerCommand(string executable)
        : this(executable, [])
    {
    }
}
