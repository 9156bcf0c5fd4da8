namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>A bind mount a container needs: <paramref name="Source"/> on the host at <paramref name="Target"/> in the container.</summary>
/// <param name="Source">A directory or file on the host.</param>
/// <param name="Target">An absolute path in the container.</param>
/// <param name="ReadOnly">Whether the container may not write through it.</param>
internal sealed record MountRequest(string Source, string Target, bool ReadOnly);
