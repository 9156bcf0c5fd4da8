using System.Text.Json;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// Finds the credentials for a registry the way the container tools that wrote them look them up.
/// <list type="number">
/// <item>A file given with <c>--registry-config</c> is the only one consulted.</item>
/// <item>Otherwise <c>$REGISTRY_AUTH_FILE</c> (podman, skopeo), then <c>$DOCKER_CONFIG/config.json</c>, or
/// <c>~/.docker/config.json</c> when <c>DOCKER_CONFIG</c> is unset; the first file that knows the registry wins.</item>
/// </list>
/// Within a file, a <c>credHelpers</c> entry for the registry wins, then inline <c>auths</c> credentials,
/// then the <c>credsStore</c> helper. Lookups happen only when a registry asks for credentials.
/// </summary>
internal sealed class RegistryCredentialStore
{
    private readonly Dictionary<string, DockerConfigFile> _explicitConfigs = [];
    private readonly IReadOnlyList<string> _helperSearchPath;

    /// <summary>
    /// Creates the store. <paramref name="environment"/> reads environment variables and
    /// <paramref name="homeDirectory"/> stands for <c>~</c>, so tests need not change the process's own;
    /// <paramref name="helperSearchPath"/> lists the directories credential helpers are looked for in.
    /// </summary>
    /// <exception cref="RegistryConfigException"><paramref name="registryConfigFile"/> is missing, unreadable or not JSON.</exception>
    public RegistryCredentialStore(
        string? registryConfigFile,
        Func<string, string?> environment,
        string? homeDirectory,
        IReadOnlyList<string> helperSearchPath)
        : this(registryConfigFile is null ? [] : [registryConfigFile], environment, homeDirectory, helperSearchPath)
    {
    }

    /// <summary>
    /// Creates the store with several explicit files (one per mounted pull secret, say), consulted in
    /// order; with none, the environment's files are used as above.
    /// </summary>
    /// <exception cref="RegistryConfigException">A file in <paramref name="registryConfigFiles"/> is missing, unreadable or not JSON.</exception>
    public RegistryCredentialStore(
        IReadOnlyList<string> registryConfigFiles,
        Func<string, string?> environment,
        string? homeDirectory,
        IReadOnlyList<string> helperSearchPath)
    {
        _helperSearchPath = helperSearchPath;
        if (registryConfigFiles.Count > 0)
        {
            foreach (var file in registryConfigFiles)
            {
                _explicitConfigs[file] = LoadExplicit(file);
            }

            SearchedFiles = registryConfigFiles;
            return;
        }

        var files = new List<string>();
        if (environment("REGISTRY_AUTH_FILE") is { Length: > 0 } authFile)
        {
            files.Add(authFile);
        }

        if (environment("DOCKER_CONFIG") is { Length: > 0 } dockerConfig)
        {
            files.Add(Path.Combine(dockerConfig, "config.json"));
        }
        else if (!string.IsNullOrEmpty(homeDirectory))
        {
            files.Add(Path.Combine(homeDirectory, ".docker", "config.json"));
        }

        SearchedFiles = files;
    }

    /// <summary>The files consulted, in order, for messages that say where credentials were looked for.</summary>
    public IReadOnlyList<string> SearchedFiles { get; }

    /// <summary>
    /// The credentials for <paramref name="registry"/> (as the image reference writes it, e.g.
    /// <c>127.0.0.1:5000</c> or <c>docker.io</c>), or null when no consulted file has any.
    /// </summary>
    /// <exception cref="ImageSourceException">A file or credential helper cannot be used; the message says which and why.</exception>
    public async Task<RegistryCredentials?> FindAsync(string registry, CancellationToken cancellationToken)
    {
        foreach (var path in SearchedFiles)
        {
            var config = _explicitConfigs.GetValueOrDefault(path) ?? LoadImplicit(path);
            if (config is null)
            {
                continue;
            }

            var credentials = await FindInAsync(config, registry, cancellationToken);
            if (credentials is not null)
            {
                return credentials;
            }
        }

        return null;
    }

    private async Task<RegistryCredentials?> FindInAsync(DockerConfigFile config, string registry, CancellationToken cancellationToken)
    {
        var serverUrl = DockerConfigFile.HelperServerUrl(registry);
        if (config.HelperFor(registry) is { } helper)
        {
            var store = new NativeCredentialStore(helper, _helperSearchPath, $"credHelpers entry for {registry} in {config.Path}");
            return await store.GetAsync(serverUrl, cancellationToken);
        }

        if (config.InlineCredentialsFor(registry) is { } inline)
        {
            return inline;
        }

        return config.CredsStore is { } storeName
            ? await new NativeCredentialStore(storeName, _helperSearchPath, $"credsStore in {config.Path}").GetAsync(serverUrl, cancellationToken)
            : null;
    }

    private static DockerConfigFile LoadExplicit(string path)
    {
        if (Directory.Exists(path))
        {
            throw new RegistryConfigException($"--registry-config '{path}' is a directory; give the path of a Docker config.json file");
        }

        if (!File.Exists(path))
        {
            throw new RegistryConfigException($"--registry-config '{path}' does not exist; give the path of a Docker config.json file (such as the one 'docker login' writes)");
        }

        try
        {
            return DockerConfigFile.Parse(path, File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new RegistryConfigException($"--registry-config '{path}' is not a valid Docker config.json: {Describe(e)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RegistryConfigException($"--registry-config '{path}' cannot be read: {e.Message}", e);
        }
    }

    private static DockerConfigFile? LoadImplicit(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return DockerConfigFile.Parse(path, File.ReadAllText(path));
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new ImageSourceException(
                $"the registry credentials file {path} cannot be used ({Describe(e)}); fix or remove it, or pass --registry-config with another file",
                ImageSourceFailure.Unauthorized,
                e);
        }
    }

    // A parser's own message may quote the file's text, and the file holds secrets: say only where it broke.
    private static string Describe(Exception e) => e switch
    {
        JsonException { LineNumber: { } line } json => $"not valid JSON at line {line + 1}, byte {json.BytePositionInLine + 1}",
        JsonException => "not a JSON object",
        _ => e.Message,
    };
}
