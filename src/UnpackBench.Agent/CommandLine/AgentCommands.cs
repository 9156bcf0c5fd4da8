using System.Reflection;

namespace UnpackBench.Agent.CommandLine;

/// <summary>Every command of the agent: each non-abstract <see cref="IAgentCommand"/> in this assembly, in name order.</summary>
internal static class AgentCommands
{
    /// <summary>A new instance of every command.</summary>
    public static IReadOnlyList<IAgentCommand> Create() => typeof(IAgentCommand).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.IsAssignableTo(typeof(IAgentCommand)) && t.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is not null)
        .Select(t => (IAgentCommand)Activator.CreateInstance(t, nonPublic: true)!)
        .OrderBy(c => c.Definition.Name, StringComparer.Ordinal)
        .ToList();
}
