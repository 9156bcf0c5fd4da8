namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// A user name and secret (password or token) for one registry, and where they were found. The secret
/// is only ever put into an <c>Authorization</c> header: <see cref="ToString"/> leaves it out, so
/// logging or formatting the record cannot leak it.
/// </summary>
/// <param name="Username">The account name.</param>
/// <param name="Secret">The password or access token.</param>
/// <param name="Source">Where they came from, for messages: a file path or a credential helper's name.</param>
internal sealed record RegistryCredentials(string Username, string Secret, string Source)
{
    /// <summary>Names the user and the source, never the secret.</summary>
    public override string ToString() => $"credentials of '{Username}' from {Source}";
}
