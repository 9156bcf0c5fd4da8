using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Helm;

/// <summary>
/// What a test can learn from a Helm template without Helm: the <c>.Values</c> paths it reads, whether
/// its blocks are balanced, and — with every template action removed or replaced by a placeholder —
/// the YAML of templates whose structure does not depend on the actions (the RBAC rules).
/// </summary>
internal static partial class HelmTemplate
{
    /// <summary>What an inline template action becomes in <see cref="WithoutActions"/>.</summary>
    public const string Placeholder = "TEMPLATED";

    /// <summary>The chart's directory, relative to the repository.</summary>
    public const string Chart = "charts/unpackbench";

    /// <summary>Every <c>.Values.a.b</c> path <paramref name="template"/> reads, as "a.b".</summary>
    public static IReadOnlySet<string> ValuesPaths(string template) =>
        ValuesReference().Matches(template).Select(m => m.Groups["path"].Value.TrimStart('.')).ToHashSet(StringComparer.Ordinal);

    /// <summary>Problems with the block structure of <paramref name="template"/>: an end without a block, or a block never ended.</summary>
    public static IReadOnlyList<string> BlockProblems(string template)
    {
        var problems = new List<string>();
        var open = new Stack<string>();
        foreach (Match action in Action().Matches(template))
        {
            var word = action.Groups["word"].Value;
            if (word is "if" or "with" or "range" or "define" or "block")
            {
                open.Push(word);
            }
            else if (word == "end" && !open.TryPop(out _))
            {
                problems.Add($"an {{{{ end }}}} at offset {action.Index} closes no block");
            }
        }

        problems.AddRange(open.Select(word => $"a {{{{ {word} }}}} block is never ended"));
        return problems;
    }

    /// <summary>
    /// <paramref name="template"/> with lines that hold only actions (and comments) removed and the
    /// remaining actions replaced by <see cref="Placeholder"/>, parsed as YAML.
    /// </summary>
    public static JsonObject ParseWithoutActions(string template) => YamlDocuments.ParseSingle(WithoutActions(template));

    /// <summary>The text of <see cref="ParseWithoutActions"/> before parsing.</summary>
    public static string WithoutActions(string template)
    {
        var lines = template.Split('\n').Where(line => !OnlyActions().IsMatch(line));
        return string.Join('\n', lines.Select(line => Action().Replace(line, Placeholder)));
    }

    /// <summary>A chart file's text.</summary>
    public static string Read(string relative) => Repository.Read($"{Chart}/{relative}");

    [GeneratedRegex(@"\$?\.Values(?<path>(\.[A-Za-z_][A-Za-z0-9_]*)+)")]
    private static partial Regex ValuesReference();

    [GeneratedRegex(@"\{\{-?\s*(?<word>/\*|[A-Za-z]+)?[^}]*?-?\}\}")]
    private static partial Regex Action();

    [GeneratedRegex(@"^\s*(\{\{-?[^}]*?-?\}\}\s*)+$")]
    private static partial Regex OnlyActions();
}
