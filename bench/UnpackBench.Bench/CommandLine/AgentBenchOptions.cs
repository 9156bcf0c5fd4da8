using System.CommandLine;
using UnpackBench.Bench.Containerd;
using UnpackBench.Testing;

namespace UnpackBench.Bench.CommandLine;

/// <summary>
/// The options of the benchmarks that run the agent against a containerd on this machine — the generated
/// image's size, the work directory and the agent's build — and what each of them does first with them
/// (<see cref="Prepare"/>). A command adds these options itself, so it chooses where they stand in its help.
/// </summary>
/// <param name="imageOption">The size option's name (<c>--large-mb</c> unless the command's image is not the large one).</param>
/// <param name="imageDescription">The size option's help.</param>
/// <param name="defaultImageMb">The size option's default.</param>
/// <param name="workDescription">What the work directory holds, for its help.</param>
internal sealed class AgentBenchOptions(
    string imageOption = "--large-mb",
    string imageDescription = "Uncompressed size of the large image, in MB",
    int defaultImageMb = 500,
    string workDescription = "image cache, containerd, logs")
{
    /// <summary>The generated image's uncompressed size, in MB.</summary>
    public Option<int> ImageMb { get; } = new(imageOption) { Description = imageDescription, HelpName = "MB", DefaultValueFactory = _ => defaultImageMb };

    /// <summary>The work directory.</summary>
    public Option<string> Work { get; } = new("--work") { Description = $"Work directory: {workDescription} (not on overlayfs)", HelpName = "DIR", DefaultValueFactory = _ => Path.Combine("bench", "out") };

    /// <summary>The page cache before every timed run, agent and ctr alike (see <see cref="BenchPageCache"/>).</summary>
    public Option<string> Cache { get; } = CreateCache();

    /// <summary>Another build of the agent.</summary>
    public Option<string?> Agent { get; } = new("--agent") { Description = "The agent's unpackbench-agent.dll (default: the repository's Release build)", HelpName = "DLL" };

    /// <summary>
    /// Checks the bench runs as root (saying the command <paramref name="needsRootTo"/>), creates the work directory
    /// and freezes the agent's build into it.
    /// </summary>
    public AgentBenchSetup Prepare(ParseResult parse, string needsRootTo)
    {
        if (Environment.UserName != "root")
        {
            throw new MissingPrerequisiteException(
                $"{parse.CommandResult.Command.Name} starts containerd and {needsRootTo}, which needs root; it runs as '{Environment.UserName}'. Run it with sudo.");
        }

        var work = Directory.CreateDirectory(Path.GetFullPath(parse.GetValue(Work)!)).FullName;
        var agentDll = AgentLocator.Freeze(AgentLocator.Find(parse.GetValue(Agent)), Path.Combine(work, "agent", "build"));
        var cache = parse.CommandResult.Command.Options.Contains(Cache) ? parse.GetValue(Cache) : null;
        return new AgentBenchSetup(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, work, agentDll, parse.GetValue(ImageMb) * 1000L * 1000L, cache);
    }

    private static Option<string> CreateCache()
    {
        var option = new Option<string>("--cache")
        {
            Description = "Page cache before every timed run, agent and ctr alike: drop (sync, then drop it; consecutive warm unpacks slow down on thin-provisioned disks) or warm",
            HelpName = string.Join('|', BenchPageCache.Modes),
            DefaultValueFactory = _ => BenchPageCache.Drop,
        };
        option.AcceptOnlyFromAmong(BenchPageCache.Modes);
        return option;
    }
}
