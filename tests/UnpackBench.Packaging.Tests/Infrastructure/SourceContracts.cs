using System.Text.RegularExpressions;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>
/// The contracts the packaging must honour, read from the C# sources as text: the agent's
/// prerequisites, the agent pods' command, the operator's environment variables, ports and metric
/// names. Reading the text keeps this project free of the agent's build (protoc) and internals; each
/// reader fails loudly when the source no longer has the shape it expects, rather than finding nothing.
/// </summary>
internal static partial class SourceContracts
{
    private const string PrerequisitesFile = "src/UnpackBench.Agent/Machine/AgentPrerequisites.cs";
    private const string PodBuilderFile = "src/UnpackBench.Operator/Reconciliation/AgentPodBuilder.cs";
    private const string ConfigurationFile = "src/UnpackBench.Operator/Hosting/OperatorConfiguration.cs";
    private const string MetricsFile = "src/UnpackBench.Operator/Metrics/OperatorMetrics.cs";
    private const string RunCommandFile = "src/UnpackBench.Agent/CommandLine/RunCommand.cs";

    /// <summary>AgentPrerequisites.All: each executable the agent checks for, with its Debian package.</summary>
    public static IReadOnlyList<(string Executable, string Package)> AgentPrerequisites()
    {
        var source = Repository.Read(PrerequisitesFile);
        var fields = PrerequisiteField().Matches(source).ToDictionary(m => m.Groups["field"].Value, m => (m.Groups["executable"].Value, m.Groups["package"].Value));
        var all = PrerequisiteList().Match(source);
        Assert.True(all.Success, $"{PrerequisitesFile} no longer declares 'All {{ get; }} = [A, B, ...]'; update SourceContracts");
        var names = all.Groups["names"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(names);
        return names.Select(n => fields.TryGetValue(n, out var field) ? field : throw new Xunit.Sdk.XunitException($"{PrerequisitesFile}: All names {n}, which is not a (\"executable\", \"package\") field")).ToList();
    }

    /// <summary>The command AgentPodBuilder gives agent containers.</summary>
    public static string AgentPodCommand()
    {
        var match = PodCommand().Match(Repository.Read(PodBuilderFile));
        Assert.True(match.Success, $"{PodBuilderFile} no longer sets 'Command = [\"...\"]'; update SourceContracts");
        return match.Groups["command"].Value;
    }

    /// <summary>The mount path of the agent's containerd root volume (AgentPodBuilder.StorageMountPath).</summary>
    public static string AgentStorageMountPath()
    {
        var match = StorageMountPath().Match(Repository.Read(PodBuilderFile));
        Assert.True(match.Success, $"{PodBuilderFile} no longer declares StorageMountPath; update SourceContracts");
        return match.Groups["path"].Value;
    }

    /// <summary>The environment variables OperatorConfiguration reads, with their option names.</summary>
    public static IReadOnlyDictionary<string, string> OperatorVariables()
    {
        var variables = OperatorValue().Matches(Repository.Read(ConfigurationFile)).ToDictionary(m => m.Groups["variable"].Value, m => m.Groups["option"].Value);
        Assert.True(variables.Count >= 5, $"{ConfigurationFile} no longer reads options as Value(\"option\", \"VARIABLE\"); update SourceContracts");
        return variables;
    }

    /// <summary>The default of an integer option of OperatorConfiguration (e.g. metrics-port → 8080).</summary>
    public static int OperatorIntDefault(string option)
    {
        var match = Regex.Match(Repository.Read(ConfigurationFile), $@"Int\(""{Regex.Escape(option)}"",[^;]*?\),\s*(?<default>\d+),");
        Assert.True(match.Success, $"{ConfigurationFile} no longer reads --{option} with Int(...); update SourceContracts");
        return int.Parse(match.Groups["default"].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The metrics OperatorMetrics creates: name → kind (Gauge, Counter, Histogram, Summary).</summary>
    public static IReadOnlyDictionary<string, string> OperatorMetrics()
    {
        var metrics = MetricCreation().Matches(Repository.Read(MetricsFile)).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["kind"].Value);
        Assert.True(metrics.Count > 0, $"{MetricsFile} no longer creates metrics with factory.CreateGauge(\"name\", ...); update SourceContracts");
        return metrics;
    }

    /// <summary>The labels the operator's metrics carry (the result labels and each metric's own).</summary>
    public static IReadOnlySet<string> OperatorMetricLabels()
    {
        var source = Repository.Read(MetricsFile);
        var labels = new HashSet<string>(StringComparer.Ordinal);
        var result = ResultLabels().Match(source);
        Assert.True(result.Success, $"{MetricsFile} no longer declares ResultLabels = [...]; update SourceContracts");
        labels.UnionWith(QuotedWord().Matches(result.Groups["labels"].Value).Select(m => m.Groups["word"].Value));
        labels.UnionWith(MetricCreation().Matches(source).SelectMany(m => QuotedWord().Matches(m.Groups["rest"].Value).Select(w => w.Groups["word"].Value)).Where(w => w.All(c => char.IsAsciiLetterLower(c) || c == '_')));
        return labels;
    }

    /// <summary>The options of <c>unpackbench-agent run</c>.</summary>
    public static IReadOnlySet<string> AgentRunOptions()
    {
        var options = RunOption().Matches(Repository.Read(RunCommandFile)).Select(m => m.Groups["option"].Value).ToHashSet(StringComparer.Ordinal);
        Assert.True(options.Count > 5, $"{RunCommandFile} no longer declares options as new(\"--name\"); update SourceContracts");
        return options;
    }

    /// <summary>The AssemblyName of a project (the published dll's name).</summary>
    public static string AssemblyName(string project)
    {
        var match = Regex.Match(Repository.Read(project), "<AssemblyName>(?<name>[^<]+)</AssemblyName>");
        return match.Success ? match.Groups["name"].Value : Path.GetFileNameWithoutExtension(project);
    }

    [GeneratedRegex(@"(?<field>\w+)\s*=\s*\(""(?<executable>[^""]+)"",\s*""(?<package>[^""]+)""\)")]
    private static partial Regex PrerequisiteField();

    [GeneratedRegex(@"\bAll\s*\{\s*get;\s*\}\s*=\s*\[(?<names>[^\]]*)\]")]
    private static partial Regex PrerequisiteList();

    [GeneratedRegex(@"Command\s*=\s*\[\s*""(?<command>[^""]+)""\s*\]")]
    private static partial Regex PodCommand();

    [GeneratedRegex(@"StorageMountPath\s*=\s*""(?<path>[^""]+)""")]
    private static partial Regex StorageMountPath();

    [GeneratedRegex(@"Value\(""(?<option>[a-z-]+)"",\s*""(?<variable>[A-Z_]+)""\)")]
    private static partial Regex OperatorValue();

    [GeneratedRegex(@"Create(?<kind>Gauge|Counter|Histogram|Summary)\(""(?<name>[a-z_:]+)""(?<rest>[^;]*)")]
    private static partial Regex MetricCreation();

    [GeneratedRegex(@"ResultLabels\s*=\s*\[(?<labels>[^\]]*)\]")]
    private static partial Regex ResultLabels();

    [GeneratedRegex(@"""(?<word>[^""]*)""")]
    private static partial Regex QuotedWord();

    [GeneratedRegex(@"new\(""(?<option>--[a-z-]+)""\)")]
    private static partial Regex RunOption();
}
