using UnpackBench.Agent.CommandLine;
using UnpackBench.Testing;

namespace UnpackBench.Agent.Tests.Support;

/// <summary>
/// Runs the agent's command line in-process with its own root, output directory and environment,
/// and captures what it prints. Each invocation owns a temp directory deleted on dispose.
/// </summary>
internal sealed class AgentInvocation : IDisposable
{
    private readonly TempDirectory _directory = new("agent");

    public AgentInvocation()
    {
        Environment["PATH"] = System.Environment.GetEnvironmentVariable("PATH");
        Environment["HOME"] = _directory.CreateSubdirectory("home");
    }

    /// <summary>The private containerd's root.</summary>
    public string Root => _directory.Combine("root");

    /// <summary>Where result documents go.</summary>
    public string Output => _directory.Combine("results");

    /// <summary>A scratch path inside the invocation's directory.</summary>
    public string Path(string relative) => _directory.Combine(relative);

    /// <summary>The environment the agent sees (nothing from the test process but PATH).</summary>
    public Dictionary<string, string?> Environment { get; } = [];

    public string StandardOutput { get; private set; } = "";

    public string StandardError { get; private set; } = "";

    /// <summary>Runs <c>unpackbench-agent run</c> with <paramref name="arguments"/> plus --root and --output.</summary>
    public Task<int> RunAsync(params string[] arguments) =>
        RawAsync(["run", .. arguments, "--root", Root, "--output", Output]);

    /// <summary>Runs the agent with exactly <paramref name="arguments"/>.</summary>
    public async Task<int> RawAsync(string[] arguments, CancellationToken cancellationToken = default)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await AgentApplication.RunAsync(arguments, stdout, stderr, name => Environment.GetValueOrDefault(name), cancellationToken);
        StandardOutput = stdout.ToString();
        StandardError = stderr.ToString();
        return code;
    }

    /// <summary>The result documents written so far.</summary>
    public string[] ResultFiles() =>
        Directory.Exists(Output) ? Directory.GetFiles(Output) : [];

    /// <summary>Everything the agent printed, for assertion messages.</summary>
    public string Transcript => $"--- stdout ---\n{StandardOutput}\n--- stderr ---\n{StandardError}";

    public void Dispose() => _directory.Dispose();
}
