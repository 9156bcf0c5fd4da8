using System.Text;

namespace UnpackBench.Agent.Documents;

/// <summary>Writes a rendered report whole or not at all: to a temporary file renamed into place, or to standard output for <c>-</c>.</summary>
internal static class ReportOutput
{
    /// <summary>The argument that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Writes <paramref name="html"/> to <paramref name="argument"/>; returns the file written, or null for standard output.</summary>
    /// <exception cref="DocumentInputException">The file cannot be written.</exception>
    public static async Task<string?> WriteAsync(string html, string argument, string workingDirectory, TextWriter standardOutput, CancellationToken cancellationToken)
    {
        if (argument == StandardOutput)
        {
            await standardOutput.WriteAsync(html.AsMemory(), cancellationToken);
            return null;
        }

        var path = Path.GetFullPath(argument, workingDirectory);
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            await File.WriteAllTextAsync(temporary, html, new UTF8Encoding(false), cancellationToken);
            File.Move(temporary, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }

            throw new DocumentInputException($"cannot write the report to {path}: {e.Message}", isUsageError: e is DirectoryNotFoundException);
        }
    }
}
