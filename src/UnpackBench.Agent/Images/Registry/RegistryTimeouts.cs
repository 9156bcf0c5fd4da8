namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// How long registry calls may take. Documents are small, so a whole request is bounded; a blob may be
/// gigabytes, so only the wait for its headers and each wait for more bytes are bounded, never the total.
/// </summary>
/// <param name="Connect">Establishing a TCP (and TLS) connection.</param>
/// <param name="Document">A whole document request (manifest, config, token), including reading its body.</param>
/// <param name="BlobResponse">Getting the response headers of a blob request, redirects included.</param>
/// <param name="BlobReadIdle">Waiting for the next bytes of a blob body before declaring the transfer stalled.</param>
internal sealed record RegistryTimeouts(TimeSpan Connect, TimeSpan Document, TimeSpan BlobResponse, TimeSpan BlobReadIdle)
{
    /// <summary>Values that suit a registry over the internet: 15 s to connect, 60 s for the rest.</summary>
    public static RegistryTimeouts Default { get; } =
        new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(60));
}
