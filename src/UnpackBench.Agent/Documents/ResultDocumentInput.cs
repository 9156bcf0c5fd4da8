using UnpackBench.Analysis.Documents;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Documents;

/// <summary>
/// Reads the result document a command-line argument names: a file, a directory (its newest
/// <c>benchmark_*.json</c>, as <c>run --output DIR</c> writes them), or <c>-</c> for standard input.
/// </summary>
internal static class ResultDocumentInput
{
    /// <summary>The argument that means standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>Reads and parses the document <paramref name="argument"/> names.</summary>
    /// <exception cref="DocumentInputException">It does not exist, cannot be read, or is not a result document.</exception>
    public static async Task<BenchmarkResult> ReadAsync(string argument, string workingDirectory, TextReader standardInput, CancellationToken cancellationToken)
    {
        var (text, name) = await ReadTextAsync(argument, workingDirectory, standardInput, cancellationToken);
        try
        {
            return ResultDocumentParser.Parse(text, name);
        }
        catch (ResultDocumentException e)
        {
            throw new DocumentInputException(e.Message);
        }
    }

    /// <summary>The text <paramref name="argument"/> names, unparsed, and how to name it in errors.</summary>
    /// <exception cref="DocumentInputException">It does not exist or cannot be read.</exception>
    public static async Task<(string Text, string Name)> ReadTextAsync(string argument, string workingDirectory, TextReader standardInput, CancellationToken cancellationToken) =>
        argument == StandardInput
            ? (await standardInput.ReadToEndAsync(cancellationToken), "standard input")
            : await ReadFileAsync(Resolve(argument, workingDirectory), cancellationToken);

    private static string Resolve(string argument, string workingDirectory)
    {
        var path = Path.GetFullPath(argument, workingDirectory);
        if (File.Exists(path))
        {
            return path;
        }

        if (!Directory.Exists(path))
        {
            throw new DocumentInputException($"{argument} does not exist; name a result document (benchmark_*.json) or the directory 'run --output' wrote it to");
        }

        // The file names carry a sortable UTC timestamp, so the last name is the newest benchmark.
        return Directory.GetFiles(path, "benchmark_*.json").Order(StringComparer.Ordinal).LastOrDefault()
            ?? throw new DocumentInputException($"{argument} holds no benchmark_*.json; name a result document or the directory 'run --output' wrote it to");
    }

    private static async Task<(string Text, string Name)> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await File.ReadAllTextAsync(path, cancellationToken), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentInputException($"cannot read {path}: {e.Message}", isUsageError: false);
        }
    }
}
