namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>The host programs the kubelet starts containers with (util-linux's setsid and unshare, a POSIX sh).</summary>
/// <param name="Setsid">Starts the container in its own session and process group.</param>
/// <param name="Unshare">Gives it a private mount namespace.</param>
/// <param name="Shell">Runs the launcher script.</param>
internal sealed record HostTools(string Setsid, string Unshare, string Shell)
{
    /// <summary>Finds the tools, or says what is missing and why it is needed.</summary>
    public static HostTools Find()
    {
        if (Environment.UserName != "root")
        {
            throw new InvalidOperationException(
                $"The test kubelet runs containers in their own mount namespaces, which needs root; the tests run as '{Environment.UserName}'. Run them as root.");
        }

        string Require(string name) => ContainerCommandLine.FindExecutable(name) ?? throw new InvalidOperationException(
            $"The test kubelet needs '{name}' on PATH to start containers. Install util-linux (apt-get install util-linux).");
        return new HostTools(Require("setsid"), Require("unshare"), Require("sh"));
    }
}
