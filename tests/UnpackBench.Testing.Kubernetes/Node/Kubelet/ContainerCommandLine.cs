using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Turns a container's <c>command</c> and <c>args</c> into a local program and its arguments, as Kubernetes
/// defines them: <c>command</c> replaces the image's entrypoint (here: <see cref="TestKubeletOptions.ImageEntrypoints"/>),
/// <c>args</c> follow it, both after <c>$(VAR)</c> expansion. The first word is then mapped through the
/// kubelet's <see cref="ContainerCommand"/> table (by the word, or by its file name when it is a path).
/// </summary>
internal static class ContainerCommandLine
{
    /// <summary>The program to run (an absolute path), all its arguments, and the host files it consists of (the program and its mapped leading arguments that are paths).</summary>
    public sealed record Resolved(string Executable, IReadOnlyList<string> Arguments, IReadOnlyList<string> ProgramFiles);

    private const string RunContainerError = "RunContainerError";

    /// <summary>The program and its arguments.</summary>
    public static Resolved Resolve(
        V1Container container,
        IReadOnlyDictionary<string, string> variables,
        IReadOnlyDictionary<string, ContainerCommand> commands,
        IDictionary<string, IReadOnlyList<string>> entrypoints)
    {
        var words = container.Command is { Count: > 0 } command
            ? command.Select(word => VariableExpansion.Expand(word, variables)).ToList()
            : Entrypoint(container.Image, entrypoints)?.ToList() ?? [];
        if (words.Count == 0)
        {
            throw new ContainerSetupException(RunContainerError,
                $"failed to start container \"{container.Name}\": no command, and image \"{container.Image}\" has no entrypoint on the test kubelet (set command, or TestKubeletOptions.ImageEntrypoints)",
                retryable: false);
        }

        var mapped = Map(words[0], commands) ?? throw new ContainerSetupException(RunContainerError,
            $"failed to start container \"{container.Name}\": exec: \"{words[0]}\": executable file not found in $PATH (the test kubelet runs: {string.Join(", ", commands.Keys.Order(StringComparer.Ordinal))})",
            retryable: false);
        var executable = FindExecutable(mapped.Executable) ?? throw new ContainerSetupException(RunContainerError,
            $"failed to start container \"{container.Name}\": \"{words[0]}\" is mapped to \"{mapped.Executable}\", which was not found on the test process's PATH",
            retryable: false);
        var arguments = container.Args?.Select(arg => VariableExpansion.Expand(arg, variables)) ?? [];
        return new Resolved(executable, [.. mapped.LeadingArguments, .. words.Skip(1), .. arguments], [executable, .. mapped.LeadingArguments.Where(Path.IsPathRooted)]);
    }

    /// <summary>The full path of <paramref name="name"/> (a path, or looked up on this process's PATH), or null.</summary>
    public static string? FindExecutable(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    private static ContainerCommand? Map(string word, IReadOnlyDictionary<string, ContainerCommand> commands) =>
        commands.GetValueOrDefault(word) ?? (word.Contains('/', StringComparison.Ordinal) ? commands.GetValueOrDefault(Path.GetFileName(word)) : null);

    private static IReadOnlyList<string>? Entrypoint(string? image, IDictionary<string, IReadOnlyList<string>> entrypoints)
    {
        if (image is null)
        {
            return null;
        }

        if (entrypoints.TryGetValue(image, out var exact))
        {
            return exact;
        }

        var repository = image.Split('@')[0];
        var lastSlash = repository.LastIndexOf('/');
        var colon = repository.LastIndexOf(':');
        if (colon > lastSlash)
        {
            repository = repository[..colon];
        }

        return entrypoints.TryGetValue(repository, out var byRepository) ? byRepository : null;
    }
}
