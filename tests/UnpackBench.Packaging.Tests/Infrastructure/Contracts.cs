using UnpackBench.Agent.CommandLine;
using UnpackBench.Operator;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Hosting;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Packaging.Tests.Infrastructure;

/// <summary>
/// The contracts the packaging must honour, taken from the programs' own typed definitions: the agent's
/// prerequisites and options, the agent pods' command, the operator's settings and metrics.
/// </summary>
internal static class Contracts
{
    /// <summary>Each executable the agent checks for, with its Debian package.</summary>
    public static IReadOnlyList<(string Executable, string Package)> AgentPrerequisites() => Agent.Machine.AgentPrerequisites.All;

    /// <summary>The command the operator gives agent containers.</summary>
    public static string AgentPodCommand() =>
        AgentPodBuilder.Build(new V1Alpha1UnpackBenchmark { Metadata = new() { Name = "contract", Uid = "0" } }, new OperatorOptions { AgentImage = "unpackbench" })
            .Spec.Containers.Single().Command.Single();

    /// <summary>The mount path of the agent's containerd root volume.</summary>
    public static string AgentStorageMountPath() => AgentPodBuilder.StorageMountPath;

    /// <summary>The environment variables the operator reads, with their option names.</summary>
    public static IReadOnlyDictionary<string, string> OperatorVariables() => OperatorSettings.All.ToDictionary(s => s.Variable, s => s.Option);

    /// <summary>The default of a whole-number setting of the operator (e.g. metrics-port → 8080).</summary>
    public static int OperatorIntDefault(string option) => OperatorSettings.All.Single(s => s.Option == option).Default!.Value;

    /// <summary>The metrics the operator exports: name → kind (Gauge, Counter, Histogram).</summary>
    public static IReadOnlyDictionary<string, string> OperatorMetrics() => Operator.Metrics.OperatorMetrics.Definitions.ToDictionary(d => d.Name, d => d.Kind.ToString());

    /// <summary>The labels the operator's metrics carry.</summary>
    public static IReadOnlySet<string> OperatorMetricLabels() => Operator.Metrics.OperatorMetrics.Definitions.SelectMany(d => d.Labels).ToHashSet(StringComparer.Ordinal);

    /// <summary>The options of <c>unpackbench-agent run</c>.</summary>
    public static IReadOnlySet<string> AgentRunOptions() => Core.AgentProtocol.AgentRunOptions.All.Select(o => o.Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>The name of the published dll of a project.</summary>
    public static string AssemblyName(string project) => project switch
    {
        "src/UnpackBench.Agent/UnpackBench.Agent.csproj" => typeof(AgentApplication).Assembly.GetName().Name!,
        "src/UnpackBench.Operator/UnpackBench.Operator.csproj" => typeof(OperatorOptions).Assembly.GetName().Name!,
        _ => throw new ArgumentException($"no assembly is known for {project}; add it to {nameof(Contracts)}", nameof(project)),
    };
}
