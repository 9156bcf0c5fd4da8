using System.Diagnostics;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>Runs <c>kubectl</c> for its offline commands (kustomize); fails with an install hint when it is missing.</summary>
internal static class Kubectl
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <summary>The output of <c>kubectl kustomize DIRECTORY</c>.</summary>
    public static string Kustomize(string directory) => Run("kustomize", directory);

    private static string Run(params string[] arguments)
    {
        var executable = Find() ?? throw new Xunit.Sdk.XunitException(
            "kubectl is not on PATH, and these tests render the kustomize configuration with 'kubectl kustomize' (offline, no cluster needed). " +
            "Install kubectl 1.27 or later: from the Kubernetes apt repository ('apt-get install kubectl'), or as a release binary on PATH");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("kubectl did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new Xunit.Sdk.XunitException($"kubectl {string.Join(' ', arguments)} did not finish within {Timeout.TotalSeconds} s");
        }

        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Result}");
        return output.Result;
    }

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "kubectl"))
            .FirstOrDefault(File.Exists);
}
