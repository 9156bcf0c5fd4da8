using System.Globalization;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// Writes the result document as <c>benchmark_&lt;UTC timestamp&gt;.json</c>. The file appears
/// whole or not at all: it is written under a temporary name, flushed, then renamed.
/// </summary>
internal static class ResultFileWriter
{
    /// <summary>Writes the document into <paramref name="directory"/>; returns the file's path.</summary>
    public static async Task<string> WriteAsync(BenchmarkResult result, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var stamp = result.BenchmarkConfig.Timestamp.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var path = Path.Combine(directory, $"benchmark_{stamp}.json");
        for (var n = 2; File.Exists(path); n++)
        {
            path = Path.Combine(directory, $"benchmark_{stamp}_{n}.json");
        }

        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteAsync(ResultJson.Serialize(result).AsMemory(), cancellationToken);
                await writer.WriteLineAsync();
                await writer.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path);
            return path;
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
