using System.Text;
using System.Text.Json.Nodes;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Images.Registry;

public sealed class RegistryCredentialStoreTests : IDisposable
{
    private const string Registry = "127.0.0.1:5000";
    private readonly TempDirectory _directory = new("credentials");

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("https URL with /v1/ path", "https://127.0.0.1:5000/v1/")]
    [InlineData("https URL without path", "https://127.0.0.1:5000")]
    [InlineData("http URL", "http://127.0.0.1:5000")]
    [InlineData("bare host", "127.0.0.1:5000")]
    [InlineData("upper-case scheme and other path", "HTTPS://127.0.0.1:5000/v2/")]
    public async Task Every_spelling_of_the_registry_key_is_found(string @case, string key)
    {
        var store = StoreWithHome(Config((key, Entry("alice", "s3cret"))));

        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.True(found is { Username: "alice", Secret: "s3cret" }, @case);
    }

    [Theory]
    [InlineData("docker.io", "https://index.docker.io/v1/")]
    [InlineData("docker.io", "index.docker.io")]
    [InlineData("registry-1.docker.io", "https://index.docker.io/v1/")]
    [InlineData("index.docker.io", "docker.io")]
    public async Task Docker_Hub_credentials_are_found_under_any_of_its_names(string registry, string key)
    {
        var store = StoreWithHome(Config((key, Entry("hubuser", "hubpass"))));

        var found = await store.FindAsync(registry, CancellationToken.None);

        Assert.Equal("hubuser", found?.Username);
    }

    [Theory]
    [InlineData("base64 auth", """{"auth":"YWxpY2U6czNjcmV0"}""", "alice", "s3cret")]
    [InlineData("username and password", """{"username":"bob","password":"hunter2"}""", "bob", "hunter2")]
    [InlineData("auth wins over username and password", """{"auth":"YWxpY2U6czNjcmV0","username":"bob","password":"hunter2"}""", "alice", "s3cret")]
    [InlineData("auth beside an identity token", """{"auth":"YWxpY2U6czNjcmV0","identitytoken":"tok"}""", "alice", "s3cret")]
    [InlineData("password containing a colon", """{"auth":"dTpwYTpzcw=="}""", "u", "pa:ss")]
    public async Task Inline_credentials_are_decoded(string @case, string entryJson, string user, string secret)
    {
        var store = StoreWithHome(Auths(entryJson));

        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.True(found is not null && found.Username == user && found.Secret == secret, @case);
    }

    [Theory]
    [InlineData("no auths section", """{"credsStore":""}""")]
    [InlineData("another registry only", """{"auths":{"127.0.0.1:6000":{"auth":"YWxpY2U6czNjcmV0"}}}""")]
    [InlineData("empty entry as docker login writes with a creds store", """{"auths":{"127.0.0.1:5000":{}}}""")]
    [InlineData("empty auth string", """{"auths":{"127.0.0.1:5000":{"auth":""}}}""")]
    public async Task A_file_without_usable_credentials_for_the_registry_finds_none(string @case, string json)
    {
        var store = StoreWithHome(json);

        Assert.True(await store.FindAsync(Registry, CancellationToken.None) is null, @case);
    }

    [Fact]
    public async Task An_identity_token_alone_is_reported_as_unsupported_without_revealing_it()
    {
        var store = StoreWithHome(Auths("""{"identitytoken":"very-secret-refresh-token"}"""));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.Contains("identity token", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("very-secret-refresh-token", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auth_value_that_is_not_base64_of_user_and_password_names_the_registry()
    {
        var store = StoreWithHome(Auths("""{"auth":"bm9jb2xvbg=="}"""));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Contains($"'auth' value for {Registry}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--registry-config wins over everything", "explicit,authfile,dockerconfig,home", "explicit")]
    [InlineData("REGISTRY_AUTH_FILE wins over docker's config", "authfile,dockerconfig,home", "authfile")]
    [InlineData("DOCKER_CONFIG wins over the home directory", "dockerconfig,home", "dockerconfig")]
    [InlineData("the home directory is the last resort", "home", "home")]
    [InlineData("REGISTRY_AUTH_FILE without the registry falls through", "authfile-other,home", "home")]
    [InlineData("--registry-config is the only file consulted", "explicit-other,authfile,home", null)]
    [InlineData("DOCKER_CONFIG replaces the home directory", "dockerconfig-other,home", null)]
    [InlineData("no file at all", "", null)]
    public async Task Sources_are_consulted_in_order(string @case, string present, string? expectedUser)
    {
        string? explicitFile = null;
        var environment = new Dictionary<string, string>();
        foreach (var source in present.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = source.Replace("-other", "", StringComparison.Ordinal);
            var host = source.EndsWith("-other", StringComparison.Ordinal) ? "127.0.0.1:5999" : Registry;
            var json = Config((host, Entry(name, "pw-" + name)));
            switch (name)
            {
                case "explicit":
                    explicitFile = Write("explicit/config.json", json);
                    break;
                case "authfile":
                    environment["REGISTRY_AUTH_FILE"] = Write("containers/auth.json", json);
                    break;
                case "dockerconfig":
                    Write("dockerconfig/config.json", json);
                    environment["DOCKER_CONFIG"] = _directory.Combine("dockerconfig");
                    break;
                case "home":
                    Write("home/.docker/config.json", json);
                    break;
            }
        }

        var store = new RegistryCredentialStore(explicitFile, environment.GetValueOrDefault, _directory.Combine("home"), []);
        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.True(found?.Username == expectedUser, $"{@case}: found {found}");
    }

    [Fact]
    public void Searched_files_list_the_environment_sources_in_order()
    {
        var environment = new Dictionary<string, string> { ["REGISTRY_AUTH_FILE"] = "auth.json", ["DOCKER_CONFIG"] = "dc" };

        var store = new RegistryCredentialStore((string?)null, environment.GetValueOrDefault, "home", []);

        Assert.Equal(["auth.json", Path.Combine("dc", "config.json")], store.SearchedFiles);
    }

    [Fact]
    public void A_missing_registry_config_file_is_a_usage_error()
    {
        var missing = _directory.Combine("nope.json");

        var e = Assert.Throws<RegistryConfigException>(() => new RegistryCredentialStore(missing, _ => null, null, []));

        Assert.Contains("does not exist", e.Message, StringComparison.Ordinal);
        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_given_as_registry_config_is_a_usage_error()
    {
        var e = Assert.Throws<RegistryConfigException>(() => new RegistryCredentialStore(_directory.Path, _ => null, null, []));

        Assert.Contains("is a directory", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registry_config_that_is_not_json_is_a_usage_error_that_does_not_quote_the_file()
    {
        var file = Write("broken.json", """{"auths":{"x":{"auth":"c2VjcmV0:"}} oops secret-value""");

        var e = Assert.Throws<RegistryConfigException>(() => new RegistryCredentialStore(file, _ => null, null, []));

        Assert.Contains("not a valid Docker config.json", e.Message, StringComparison.Ordinal);
        Assert.Contains("line 1", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-value", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_broken_config_found_through_the_environment_is_reported_when_credentials_are_needed()
    {
        var file = Write("home/.docker/config.json", "[not json");
        var store = new RegistryCredentialStore((string?)null, _ => null, _directory.Combine("home"), []);

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.Contains(file, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_never_print_their_secret()
    {
        var credentials = new RegistryCredentials("alice", "s3cret-password", "config.json");

        Assert.DoesNotContain("s3cret-password", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-password", $"{credentials}", StringComparison.Ordinal);
        Assert.Contains("alice", credentials.ToString(), StringComparison.Ordinal);
    }

    internal static string Entry(string user, string password) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}"));

    internal static string Config(params (string Key, string Auth)[] entries)
    {
        var auths = new JsonObject();
        foreach (var (key, auth) in entries)
        {
            auths[key] = new JsonObject { ["auth"] = auth };
        }

        return new JsonObject { ["auths"] = auths }.ToJsonString();
    }

    private static string Auths(string entryJson) => $"{{\"auths\":{{\"{Registry}\":{entryJson}}}}}";

    private RegistryCredentialStore StoreWithHome(string json)
    {
        Write("home/.docker/config.json", json);
        return new RegistryCredentialStore((string?)null, _ => null, _directory.Combine("home"), []);
    }

    private string Write(string relative, string content)
    {
        var path = _directory.Combine(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }
}
