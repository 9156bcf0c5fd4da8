namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// The file given with <c>--registry-config</c> does not exist, cannot be read or is not a Docker
/// <c>config.json</c>. This is a usage error: the CLI reports the message and exits with code 2.
/// </summary>
internal sealed class RegistryConfigException : Exception
{
    /// <summary>Creates the exception with a message naming the file and what is wrong with it.</summary>
    public RegistryConfigException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
