using System.Text;
using System.Text.Json;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// The parts of a Docker <c>config.json</c> (or a podman/skopeo <c>auth.json</c>, which shares the
/// <c>auths</c> format) that say where a registry's credentials are: inline under <c>auths</c>, or in a
/// credential helper named by <c>credHelpers</c> or <c>credsStore</c>.
/// </summary>
internal sealed class DockerConfigFile
{
    private const string DockerHubKey = "index.docker.io";

    private readonly Dictionary<string, AuthEntry> _auths;
    private readonly Dictionary<string, string> _credHelpers;

    private DockerConfigFile(string path, Dictionary<string, AuthEntry> auths, Dictionary<string, string> credHelpers, string? credsStore)
    {
        Path = path;
        _auths = auths;
        _credHelpers = credHelpers;
        CredsStore = credsStore;
    }

    /// <summary>The file this was read from, for messages.</summary>
    public string Path { get; }

    /// <summary>The helper named by <c>credsStore</c>, used for every registry without a <c>credHelpers</c> entry.</summary>
    public string? CredsStore { get; }

    /// <summary>Parses <paramref name="json"/>; throws <see cref="JsonException"/> when it is not a JSON object.</summary>
    public static DockerConfigFile Parse(string path, string json)
    {
        using var document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new JsonException("the top level is not a JSON object");
        }

        var auths = new Dictionary<string, AuthEntry>();
        foreach (var (key, entry) in Properties(root, "auths").Where(p => p.Value.ValueKind == JsonValueKind.Object))
        {
            var parsed = new AuthEntry(Text(entry, "auth"), Text(entry, "username"), Text(entry, "password"), Text(entry, "identitytoken"));
            auths.TryAdd(NormaliseHost(key), parsed);
        }

        var helpers = new Dictionary<string, string>();
        foreach (var (key, helper) in Properties(root, "credHelpers").Where(p => p.Value.ValueKind == JsonValueKind.String))
        {
            helpers.TryAdd(NormaliseHost(key), helper.GetString()!);
        }

        return new DockerConfigFile(path, auths, helpers, NullIfEmpty(Text(root, "credsStore")));
    }

    /// <summary>
    /// Reduces the ways a registry is written as a key (<c>https://host/v1/</c>, <c>http://host</c>,
    /// <c>host</c>) to the host, lower-cased; every spelling of Docker Hub becomes <c>index.docker.io</c>.
    /// </summary>
    public static string NormaliseHost(string key)
    {
        var host = key.Trim();
        foreach (var scheme in (string[])["https://", "http://"])
        {
            if (host.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                host = host[scheme.Length..];
            }
        }

        var slash = host.IndexOf('/', StringComparison.Ordinal);
        host = (slash < 0 ? host : host[..slash]).ToLowerInvariant();
        return host is "docker.io" or "registry-1.docker.io" ? DockerHubKey : host;
    }

    /// <summary>The server URL a credential helper knows <paramref name="registry"/> by, as <c>docker login</c> stores it.</summary>
    public static string HelperServerUrl(string registry) =>
        NormaliseHost(registry) == DockerHubKey ? "https://index.docker.io/v1/" : registry;

    /// <summary>The credential helper <c>credHelpers</c> names for <paramref name="registry"/>, if any.</summary>
    public string? HelperFor(string registry) =>
        _credHelpers.TryGetValue(NormaliseHost(registry), out var helper) ? NullIfEmpty(helper) : null;

    /// <summary>
    /// The credentials held inline under <c>auths</c> for <paramref name="registry"/>, or null.
    /// <c>auth</c> (base64 of <c>user:password</c>) wins over <c>username</c>/<c>password</c>.
    /// </summary>
    /// <exception cref="ImageSourceException">The entry is unusable: bad base64, or only an identity token.</exception>
    public RegistryCredentials? InlineCredentialsFor(string registry)
    {
        if (!_auths.TryGetValue(NormaliseHost(registry), out var entry))
        {
            return null;
        }

        if (!string.IsNullOrEmpty(entry.Auth))
        {
            return DecodeAuth(entry.Auth, registry);
        }

        if (!string.IsNullOrEmpty(entry.Username) && !string.IsNullOrEmpty(entry.Password))
        {
            return new RegistryCredentials(entry.Username, entry.Password, Path);
        }

        if (!string.IsNullOrEmpty(entry.IdentityToken))
        {
            throw new ImageSourceException(
                $"the credentials for {registry} in {Path} are only an identity token (written by an OAuth-based login), which UnpackBench does not support; " +
                "log in with a user name and password or access token instead, or pass --registry-config with a file that holds them",
                ImageSourceFailure.Unauthorized);
        }

        return null;
    }

    private RegistryCredentials DecodeAuth(string auth, string registry)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(auth.Trim()));
        }
        catch (FormatException)
        {
            decoded = "";
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new ImageSourceException(
                $"the 'auth' value for {registry} in {Path} is not base64 of 'user:password'; run 'docker login {registry}' again or fix the file",
                ImageSourceFailure.Unauthorized);
        }

        return new RegistryCredentials(decoded[..colon], decoded[(colon + 1)..], Path);
    }

    private static IEnumerable<(string Key, JsonElement Value)> Properties(JsonElement root, string name) =>
        root.TryGetProperty(name, out var section) && section.ValueKind == JsonValueKind.Object
            ? section.EnumerateObject().Select(p => (p.Name, p.Value))
            : [];

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    private sealed record AuthEntry(string? Auth, string? Username, string? Password, string? IdentityToken);
}
