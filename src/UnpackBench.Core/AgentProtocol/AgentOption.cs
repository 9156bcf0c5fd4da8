using System.Globalization;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// One option of the agent's command line: its name, help, and the <see cref="AgentRunRequest"/>
/// property it reads into and is written from. The agent builds its parser from these and the
/// operator its arguments, so neither can name an option the other does not know.
/// </summary>
public abstract record AgentOption
{
    private protected AgentOption(string name, string helpName, string description)
    {
        Name = name;
        HelpName = helpName;
        Description = description;
    }

    /// <summary>The option as typed, e.g. <c>--runs</c>.</summary>
    public string Name { get; }

    /// <summary>The value's placeholder in help, e.g. <c>N</c>; empty for flags.</summary>
    public string HelpName { get; }

    /// <summary>The help text.</summary>
    public string Description { get; }

    /// <summary>The arguments that give <paramref name="request"/>'s value (none when it is not set).</summary>
    public abstract IEnumerable<string> Format(AgentRunRequest request);
}

/// <summary>An option with a value of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">string?, int?, bool (a flag) or IReadOnlyList&lt;string&gt; (repeatable).</typeparam>
public sealed record AgentOption<T> : AgentOption
{
    /// <summary>Defines the option.</summary>
    public AgentOption(string name, string helpName, string description, Func<AgentRunRequest, T> get, Func<AgentRunRequest, T, AgentRunRequest> set)
        : base(name, helpName, description)
    {
        Get = get;
        Set = set;
    }

    /// <summary>Reads the option's value from a request.</summary>
    public Func<AgentRunRequest, T> Get { get; }

    /// <summary>A copy of a request with the option's value set.</summary>
    public Func<AgentRunRequest, T, AgentRunRequest> Set { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Format(AgentRunRequest request) => Get(request) switch
    {
        null or false => [],
        true => [Name],
        int number => [Name, number.ToString(CultureInfo.InvariantCulture)],
        string text => [Name, text],
        IEnumerable<string> values => values.SelectMany(v => new[] { Name, v }),
        var other => throw new InvalidOperationException($"option {Name} has a value of type {other.GetType().Name}, which has no command-line form"),
    };
}
