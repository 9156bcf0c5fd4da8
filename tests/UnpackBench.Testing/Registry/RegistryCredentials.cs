using System.Net.Http.Headers;
using System.Text;

namespace UnpackBench.Testing.Registry;

/// <summary>A registry user and password (test data, never real secrets).</summary>
public sealed record RegistryCredentials(string User, string Password)
{
    /// <summary>The <c>Authorization: Basic …</c> header value.</summary>
    public AuthenticationHeaderValue ToBasicAuthorization() =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    /// <summary><c>user:password</c>, as <c>ctr --user</c> takes it.</summary>
    public override string ToString() => $"{User}:{Password}";
}
