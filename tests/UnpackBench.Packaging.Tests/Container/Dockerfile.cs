using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Container;

/// <summary>One Dockerfile instruction, continuation lines joined.</summary>
/// <param name="Keyword">FROM, RUN, COPY, ... (upper case).</param>
/// <param name="Arguments">The rest of the instruction.</param>
internal sealed record DockerInstruction(string Keyword, string Arguments);

/// <summary>One build stage: its FROM and what follows until the next FROM.</summary>
/// <param name="Name">The AS name, or "" when it has none.</param>
/// <param name="From">The base image reference as written.</param>
/// <param name="Instructions">Its instructions after FROM.</param>
internal sealed record DockerStage(string Name, string From, IReadOnlyList<DockerInstruction> Instructions)
{
    /// <summary>The arguments of every instruction with this keyword.</summary>
    public IEnumerable<string> All(string keyword) => Instructions.Where(i => i.Keyword == keyword).Select(i => i.Arguments);
}

/// <summary>The repository's Dockerfile, parsed into global ARGs and stages.</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<DockerInstruction> globalArguments, IReadOnlyList<DockerStage> stages)
    {
        GlobalArguments = globalArguments;
        Stages = stages;
    }

    /// <summary>The ARGs before the first FROM.</summary>
    public IReadOnlyList<DockerInstruction> GlobalArguments { get; }

    /// <summary>The stages in order; the last one is the image.</summary>
    public IReadOnlyList<DockerStage> Stages { get; }

    /// <summary>The final (runtime) stage.</summary>
    public DockerStage Runtime => Stages[^1];

    /// <summary>The named stage.</summary>
    public DockerStage Stage(string name) => Stages.Single(s => s.Name == name);

    /// <summary>Reads and parses the repository's Dockerfile.</summary>
    public static Dockerfile Load() => Parse(Repository.Read("Dockerfile"));

    /// <summary>Parses Dockerfile text: comments dropped, backslash continuations joined.</summary>
    public static Dockerfile Parse(string text)
    {
        var instructions = new List<DockerInstruction>();
        var current = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.TrimStart().StartsWith('#') || (current.Length == 0 && line.Trim().Length == 0))
            {
                continue;
            }

            current += line.EndsWith('\\') ? line[..^1] + " " : line;
            if (!line.EndsWith('\\'))
            {
                var match = InstructionLine().Match(current.Trim());
                instructions.Add(new DockerInstruction(match.Groups["keyword"].Value.ToUpperInvariant(), Spaces().Replace(match.Groups["rest"].Value.Trim(), " ")));
                current = "";
            }
        }

        var globals = instructions.TakeWhile(i => i.Keyword != "FROM").ToList();
        var stages = new List<DockerStage>();
        foreach (var instruction in instructions.Skip(globals.Count))
        {
            if (instruction.Keyword == "FROM")
            {
                var from = FromArguments().Match(instruction.Arguments);
                stages.Add(new DockerStage(from.Groups["name"].Value, from.Groups["image"].Value, []));
            }
            else
            {
                var last = stages[^1];
                stages[^1] = last with { Instructions = [.. last.Instructions, instruction] };
            }
        }

        return new Dockerfile(globals, stages);
    }

    [GeneratedRegex(@"^(?<keyword>[A-Za-z]+)\s*(?<rest>.*)$", RegexOptions.Singleline)]
    private static partial Regex InstructionLine();

    [GeneratedRegex(@"^(--platform=\S+\s+)?(?<image>\S+)(\s+AS\s+(?<name>\S+))?$", RegexOptions.IgnoreCase)]
    private static partial Regex FromArguments();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
