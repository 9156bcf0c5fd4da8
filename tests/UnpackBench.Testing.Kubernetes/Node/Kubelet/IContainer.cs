namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A pod's running container, whichever runtime runs it: a local process (<see cref="ContainerProcess"/>)
/// or a Docker container (<see cref="DockerContainer"/>).
/// </summary>
internal interface IContainer : IDisposable
{
    /// <summary>The container ID as pod status shows it, <c>runtime://id</c>.</summary>
    string Id { get; }

    /// <summary>Completes with the exit code (128 + signal number when killed) once the container and all it ran are gone and its output is read.</summary>
    Task<int> Exited { get; }

    /// <summary>True once the container's program runs; false when the container ended before that (a failed start).</summary>
    Task<bool> StartedAsync(CancellationToken cancellationToken);

    /// <summary>SIGTERM to the container's main process, as a runtime stops a container.</summary>
    void Terminate();

    /// <summary>SIGKILL to everything the container runs; nothing once it is all gone.</summary>
    void KillAll();
}
