using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Images.Registry;

public sealed class NativeCredentialStoreTests : IDisposable
{
    private const string Registry = "127.0.0.1:5000";

    // Answers like docker-credential-pass does, echoing what it was asked so tests can check it.
    private const string EchoingHelper = """
        #!/bin/sh
        url=$(cat)
        printf '{"ServerURL":"%s","Username":"user-for-%s-via-%s","Secret":"helper-secret"}' "$url" "$url" "$1"
        """;

    private readonly TempDirectory _directory = new("credential-helper");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task The_creds_store_helper_is_asked_with_the_server_url_on_standard_input()
    {
        var store = Store("""{"credsStore":"echo"}""", ("echo", EchoingHelper));

        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.NotNull(found);
        Assert.Equal($"user-for-{Registry}-via-get", found.Username);
        Assert.Equal("helper-secret", found.Secret);
        Assert.Equal("credential helper docker-credential-echo", found.Source);
    }

    [Fact]
    public async Task Docker_Hub_is_asked_for_by_its_legacy_index_url()
    {
        var store = Store("""{"credsStore":"echo"}""", ("echo", EchoingHelper));

        var found = await store.FindAsync("docker.io", CancellationToken.None);

        Assert.Equal("user-for-https://index.docker.io/v1/-via-get", found?.Username);
    }

    [Fact]
    public async Task A_cred_helpers_entry_for_the_registry_wins_over_inline_auths_and_the_creds_store()
    {
        var json = $$$"""
            {"auths":{"{{{Registry}}}":{"auth":"{{{RegistryCredentialStoreTests.Entry("inline", "pw")}}}"}},
             "credHelpers":{"https://{{{Registry}}}":"echo"},"credsStore":"missing"}
            """;
        var store = Store(json, ("echo", EchoingHelper));

        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.Equal($"user-for-{Registry}-via-get", found?.Username);
    }

    [Fact]
    public async Task Inline_auths_win_over_the_creds_store()
    {
        var json = $$$"""{"auths":{"{{{Registry}}}":{"auth":"{{{RegistryCredentialStoreTests.Entry("inline", "pw")}}}"}},"credsStore":"missing"}""";
        var store = Store(json);

        var found = await store.FindAsync(Registry, CancellationToken.None);

        Assert.Equal("inline", found?.Username);
    }

    [Fact]
    public async Task A_helper_without_credentials_for_the_registry_finds_none()
    {
        var helper = """
            #!/bin/sh
            echo "credentials not found in native keychain"
            exit 1
            """;
        var store = Store("""{"credsStore":"empty"}""", ("empty", helper));

        Assert.Null(await store.FindAsync(Registry, CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_helper_program_is_named_in_the_error()
    {
        var store = Store("""{"credsStore":"not-installed"}""");

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Equal(ImageSourceFailure.Unauthorized, e.Failure);
        Assert.Contains("'docker-credential-not-installed'", e.Message, StringComparison.Ordinal);
        Assert.Contains("not found on PATH", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("path traversal", "../../bin/sh")]
    [InlineData("shell metacharacters", "pass;touch pwned")]
    [InlineData("space", "desktop exe")]
    public async Task A_helper_name_outside_the_allowed_characters_is_refused_before_anything_runs(string @case, string name)
    {
        var store = Store($$$"""{"credsStore":"{{{name}}}"}""");

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.True(e.Message.Contains("is not valid", StringComparison.Ordinal), $"{@case}: {e.Message}");
        Assert.False(File.Exists(_directory.Combine("bin", "pwned")));
    }

    [Fact]
    public async Task A_failing_helper_is_reported_with_its_exit_code_and_complaint()
    {
        var helper = """
            #!/bin/sh
            echo "gpg: decryption failed: No secret key" >&2
            exit 3
            """;
        var store = Store("""{"credsStore":"broken"}""", ("broken", helper));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Contains("exit code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains("gpg: decryption failed", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helper_answering_something_other_than_json_is_not_quoted()
    {
        var helper = """
            #!/bin/sh
            echo "raw-secret-token-value"
            """;
        var store = Store("""{"credsStore":"raw"}""", ("raw", helper));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Contains("expected JSON object", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("raw-secret-token-value", e.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identity_token_from_a_helper_is_reported_as_unsupported()
    {
        var helper = """
            #!/bin/sh
            echo '{"ServerURL":"x","Username":"<token>","Secret":"refresh-token-value"}'
            """;
        var store = Store("""{"credsStore":"oauth"}""", ("oauth", helper));

        var e = await Assert.ThrowsAsync<ImageSourceException>(() => store.FindAsync(Registry, CancellationToken.None));

        Assert.Contains("identity token", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("refresh-token-value", e.Message, StringComparison.Ordinal);
    }

    private RegistryCredentialStore Store(string configJson, params (string Name, string Script)[] helpers)
    {
        var bin = _directory.CreateSubdirectory("bin");
        foreach (var (name, script) in helpers)
        {
            var path = Path.Combine(bin, "docker-credential-" + name);
            File.WriteAllText(path, script.ReplaceLineEndings("\n") + "\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var config = _directory.Combine("config.json");
        File.WriteAllText(config, configJson);
        return new RegistryCredentialStore(config, _ => null, null, [_directory.Combine("empty-dir"), bin]);
    }
}
