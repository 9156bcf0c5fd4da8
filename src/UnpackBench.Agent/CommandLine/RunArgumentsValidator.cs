using System.Globalization;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Sampling;
using UnpackBench.Core.Images;
using UnpackBench.Core.References;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// Turns raw arguments into <see cref="BenchmarkSettings"/>, or into the list of what is wrong —
/// every problem at once, each a sentence saying what to change. Pure: the environment variables,
/// working directory, platform and file checks are passed in.
/// </summary>
internal static class RunArgumentsValidator
{
    /// <summary>More timed runs than this add hours, not precision: the median settles long before.</summary>
    public const int MaxRuns = 100;

    /// <summary>Warm-up runs beyond this only delay the benchmark.</summary>
    public const int MaxWarmupRuns = 10;

    /// <summary>Below this the sampler's own reads would start to show in the machine's load.</summary>
    public const int MinSampleIntervalMs = 10;

    /// <summary>Above this a run would rarely get a single sample.</summary>
    public const int MaxSampleIntervalMs = 10_000;

    /// <summary>Validates; returns settings or the problems.</summary>
    public static (BenchmarkSettings? Settings, IReadOnlyList<string> Problems) Validate(
        RunArguments arguments, Func<string, string?> environment, string workingDirectory, Platform machinePlatform, Func<string, bool> fileExists)
    {
        var problems = new List<string>();
        var imageText = arguments.Image ?? (arguments.Archive is null ? NonEmpty(environment("TARGET_IMAGE")) : null);
        var runsVariable = arguments.Runs is null ? NonEmpty(environment("NUM_RUNS")) : null;
        var runs = arguments.Runs ?? ParseRunsVariable(runsVariable, problems) ?? 5;

        ImageReference? image = null;
        if (imageText is null && arguments.Archive is null)
        {
            problems.Add("no image given: pass --image REF (e.g. --image docker.io/library/python:3.12) or --archive PATH, or set TARGET_IMAGE");
        }
        else if (imageText is not null && arguments.Archive is not null)
        {
            problems.Add("both --image and --archive given: choose one, the registry image or the archive file");
        }
        else if (imageText is not null)
        {
            image = Try(() => ImageReference.Parse(imageText), problems);
        }
        else if (!fileExists(Path.GetFullPath(arguments.Archive!, workingDirectory)))
        {
            problems.Add($"archive '{arguments.Archive}' does not exist; give the path of an OCI or 'docker save' tar file");
        }

        var runsSource = runsVariable is not null ? "NUM_RUNS" : "--runs";
        CheckCount(runsSource, runs, 1, MaxRuns, "each run clears and re-unpacks the whole image; the median settles well before that", problems);
        var warmup = arguments.Warmup ?? 0;
        CheckCount("--warmup", warmup, 0, MaxWarmupRuns, "warm-up runs are untimed and only delay the benchmark", problems);

        var snapshotter = arguments.Snapshotter ?? "overlayfs";
        if (!System.Text.RegularExpressions.Regex.IsMatch(snapshotter, "^[a-z0-9][a-z0-9._-]{0,63}$"))
        {
            problems.Add($"snapshotter name '{snapshotter}' is not valid: use a containerd snapshotter name such as overlayfs or native");
        }

        var platform = arguments.Platform is null ? machinePlatform : Try(() => Platform.Parse(arguments.Platform), problems);

        foreach (var config in arguments.RegistryConfigs.Where(c => !fileExists(Path.GetFullPath(c, workingDirectory))))
        {
            problems.Add($"--registry-config '{config}' does not exist; give the path of a Docker config.json");
        }

        var jsonLog = arguments.LogFormat?.ToLowerInvariant() switch
        {
            null or "text" => false,
            "json" => true,
            _ => Invalid($"--log-format '{arguments.LogFormat}' is not a format: use text or json", problems),
        };
        if (jsonLog && arguments.Json)
        {
            problems.Add("--json and --log-format json both print JSON on stdout; with --log-format json the result document is already the last line");
        }

        var sampleIntervalMs = arguments.SampleIntervalMs ?? 100;
        if (sampleIntervalMs is < MinSampleIntervalMs or > MaxSampleIntervalMs)
        {
            problems.Add($"--sample-interval {sampleIntervalMs} is out of range: use {MinSampleIntervalMs}–{MaxSampleIntervalMs} milliseconds ({(sampleIntervalMs < MinSampleIntervalMs ? "faster sampling would load the machine it measures" : "slower sampling would miss short runs entirely")})");
        }

        var statsSource = StatsSource.Auto;
        if (arguments.StatsSource is { } source && (!source.All(char.IsAsciiLetter) || !Enum.TryParse(source, ignoreCase: true, out statsSource)))
        {
            problems.Add($"--stats-source '{arguments.StatsSource}' is not a source: use cgroup, docker or auto");
        }

        if (arguments.ContainerdAddress is not null && arguments.Root is not null)
        {
            problems.Add("--root configures the private containerd and --containerd-address uses an existing one; give only one");
        }

        if (problems.Count > 0 || platform is null)
        {
            return (null, problems);
        }

        return (new BenchmarkSettings
        {
            Image = image,
            ArchivePath = arguments.Archive is null ? null : Path.GetFullPath(arguments.Archive, workingDirectory),
            Runs = runs,
            WarmupRuns = warmup,
            Snapshotter = snapshotter,
            Platform = platform,
            PlatformExplicit = arguments.Platform is not null,
            PlainHttp = arguments.PlainHttp,
            RegistryConfigs = arguments.RegistryConfigs.Select(c => Path.GetFullPath(c, workingDirectory)).ToList(),
            RootDirectory = Path.GetFullPath(arguments.Root ?? Path.Combine(".unpackbench", "containerd"), workingDirectory),
            ContainerdAddress = arguments.ContainerdAddress is null ? null : Path.GetFullPath(arguments.ContainerdAddress, workingDirectory),
            OutputDirectory = Path.GetFullPath(arguments.Output ?? "results", workingDirectory),
            PrintJson = arguments.Json,
            SampleInterval = TimeSpan.FromMilliseconds(sampleIntervalMs),
            StatsSource = statsSource,
            JsonLog = jsonLog,
            TerminationMessagePath = arguments.TerminationMessagePath is null ? null : Path.GetFullPath(arguments.TerminationMessagePath, workingDirectory),
        }, problems);
    }

    private static int? ParseRunsVariable(string? value, List<string> problems)
    {
        if (NonEmpty(value) is not { } text)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var runs))
        {
            return runs;
        }

        problems.Add($"NUM_RUNS='{text}' is not a whole number; set it to the number of timed runs, e.g. NUM_RUNS=5");
        return 5;
    }

    private static void CheckCount(string option, int value, int min, int max, string why, List<string> problems)
    {
        if (value < min)
        {
            problems.Add($"{Named(option, value)} is too small: it must be at least {min}");
        }
        else if (value > max)
        {
            problems.Add($"{Named(option, value)} is too many: at most {max} ({why})");
        }
    }

    private static bool Invalid(string problem, List<string> problems)
    {
        problems.Add(problem);
        return false;
    }

    // Options read "--runs 0", environment variables "NUM_RUNS=0", as the user wrote them.
    private static string Named(string source, int value) =>
        source.StartsWith("--", StringComparison.Ordinal) ? $"{source} {value}" : $"{source}={value}";

    private static T? Try<T>(Func<T> parse, List<string> problems)
        where T : class
    {
        try
        {
            return parse();
        }
        catch (FormatException e)
        {
            problems.Add(e.Message);
            return null;
        }
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
