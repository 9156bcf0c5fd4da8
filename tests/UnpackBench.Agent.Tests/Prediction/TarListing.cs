using System.Globalization;
using UnpackBench.Testing;
using Commands = UnpackBench.Testing.Processes.CommandLine;

namespace UnpackBench.Agent.Tests.Prediction;

/// <summary>What GNU <c>tar -tv</c> lists for a layer blob, counted by entry kind — the reference the feature counter is checked against.</summary>
internal sealed record TarListing(long Files, long FileBytes, long Directories, long Symlinks, long Hardlinks, long Whiteouts, long Other, int MaxDepth, long PathComponents)
{
    /// <summary>Lists <paramref name="blob"/> (compressed as <paramref name="compression"/> says: gzip, zstd or none) with GNU tar.</summary>
    public static async Task<TarListing> OfAsync(string blob, string compression)
    {
        var tar = Prerequisites.RequireExecutable("tar", "apt-get install -y tar");
        if (compression == "zstd")
        {
            Prerequisites.RequireExecutable("zstd", "apt-get install -y zstd");
        }

        string[] filter = compression switch { "gzip" => ["-z"], "zstd" => ["--zstd"], _ => [] };
        var listing = await Commands.RunAsync(tar, ["-tv", "--numeric-owner", .. filter, "-f", blob]);
        long files = 0, bytes = 0, directories = 0, symlinks = 0, hardlinks = 0, whiteouts = 0, other = 0;
        var depth = 0;
        long pathComponents = 0;
        foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // mode owner size date time name[ -> target | link to target]
            var fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
            var name = fields[5].Split(" -> ")[0].Split(" link to ")[0];
            var components = name.Split('/', StringSplitOptions.RemoveEmptyEntries).Count(c => c != ".");
            depth = Math.Max(depth, components);
            pathComponents += Math.Max(0, components - 1);
            switch (line[0])
            {
                case '-' when name.Split('/', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.StartsWith(".wh.", StringComparison.Ordinal) == true:
                    whiteouts++;
                    break;
                case '-':
                    files++;
                    bytes += long.Parse(fields[2], CultureInfo.InvariantCulture);
                    break;
                case 'd':
                    directories++;
                    break;
                case 'l':
                    symlinks++;
                    break;
                case 'h':
                    hardlinks++;
                    break;
                default:
                    other++;
                    break;
            }
        }

        return new TarListing(files, bytes, directories, symlinks, hardlinks, whiteouts, other, depth, pathComponents);
    }
}
