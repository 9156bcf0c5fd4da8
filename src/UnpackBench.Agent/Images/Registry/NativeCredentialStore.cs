using System.Text.Json;
using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;

namespace UnpackBench.Agent.Images.Registry;

/// <summary>
/// A Docker credential helper (<c>docker-credential-&lt;name&gt;</c>, named by <c>credsStore</c> or
/// <c>credHelpers</c>), asked as Docker asks it: <c>get</c> with the server URL on standard input, answering
/// <c>{"Username":…,"Secret":…}</c>. The program is run directly, never through a shell.
/// </summary>
internal sealed partial class NativeCredentialStore
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly string _name;
    private readonly IReadOnlyList<string> _searchPath;
    private readonly string _configuredBy;

    /// <summary>
    /// Creates the store for helper <paramref name="name"/>, looked up in the directories of
    /// <paramref name="searchPath"/>; <paramref name="configuredBy"/> says which file entry named it.
    /// </summary>
    public NativeCredentialStore(string name, IReadOnlyList<string> searchPath, string configuredBy)
    {
        _name = name;
        _searchPath = searchPath;
        _configuredBy = configuredBy;
    }

    /// <summary>The helper program's file name.</summary>
    public string ProgramName => "docker-credential-" + _name;

    /// <summary>
    /// Asks the helper for the credentials of <paramref name="serverUrl"/>; null when it has none.
    /// </summary>
    /// <exception cref="ImageSourceException">The helper is misnamed, missing, fails or times out.</exception>
    public async Task<RegistryCredentials?> GetAsync(string serverUrl, CancellationToken cancellationToken)
    {
        var program = FindProgram();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        BufferedCommandResult result;
        try
        {
            result = await Cli.Wrap(program)
                .WithArguments(["get"])
                .WithStandardInputPipe(PipeSource.FromString(serverUrl))
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failure($"did not answer within {Timeout.TotalSeconds:0} s (is it waiting for a password or a keyring unlock?)");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw Failure($"could not be started: {e.Message}", e);
        }

        if (result.ExitCode != 0)
        {
            var output = FirstLine(result.StandardError) ?? FirstLine(result.StandardOutput) ?? "no output";
            return output.Contains("credentials not found", StringComparison.OrdinalIgnoreCase)
                ? null
                : throw Failure($"failed with exit code {result.ExitCode}: {output}");
        }

        return ParseAnswer(result.StandardOutput);
    }

    private string FindProgram()
    {
        if (!HelperNamePattern().IsMatch(_name))
        {
            throw new ImageSourceException(
                $"credential helper name '{_name}' ({_configuredBy}) is not valid: it may contain only letters, digits, '.', '_' and '-'",
                ImageSourceFailure.Unauthorized);
        }

        return _searchPath
            .Where(d => d.Length > 0)
            .Select(d => System.IO.Path.Combine(d, ProgramName))
            .FirstOrDefault(File.Exists)
            ?? throw new ImageSourceException(
                $"credential helper '{ProgramName}' ({_configuredBy}) was not found on PATH; install it, or remove that entry from the file",
                ImageSourceFailure.Unauthorized);
    }

    private RegistryCredentials? ParseAnswer(string output)
    {
        string? username, secret;
        try
        {
            using var document = JsonDocument.Parse(output);
            username = document.RootElement.TryGetProperty("Username", out var u) ? u.GetString() : null;
            secret = document.RootElement.TryGetProperty("Secret", out var s) ? s.GetString() : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Neither the output nor the parser's message (which quotes it) is repeated: it may hold a secret.
            throw Failure("answered with something other than the expected JSON object {\"Username\":…,\"Secret\":…}", e);
        }

        if (string.IsNullOrEmpty(secret))
        {
            return null;
        }

        return username == "<token>"
            ? throw Failure("holds an identity token (from an OAuth-based login), which UnpackBench does not support; log in with a user name and password or access token")
            : new RegistryCredentials(username ?? "", secret, $"credential helper {ProgramName}");
    }

    private ImageSourceException Failure(string what, Exception? inner = null) =>
        new($"credential helper '{ProgramName}' ({_configuredBy}) {what}", ImageSourceFailure.Unauthorized, inner);

    private static string? FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return line is null ? null : line.Length > 200 ? line[..200] + "…" : line;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex HelperNamePattern();
}
