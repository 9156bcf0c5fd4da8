using System.Globalization;

namespace UnpackBench.Core.AgentProtocol;

/// <summary>
/// One option of the agent's command line: its name and help. Each command has a request record and
/// a table of <see cref="AgentRequestOption{TRequest, T}"/>s tying each option to a property of it; the
/// agent builds its parser from these and the operator its arguments, so neither can name an option
/// the other does not know.
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
}

/// <summary>An option of the command whose request is <typeparamref name="TRequest"/>.</summary>
/// <typeparam name="TRequest">The command's request record.</typeparam>
public abstract record AgentRequestOption<TRequest> : AgentOption
{
    private protected AgentRequestOption(string name, string helpName, string description)
        : base(name, helpName, description)
    {
    }

    /// <summary>The arguments that give <paramref name="request"/>'s value (none when it is not set).</summary>
    public abstract IEnumerable<string> Format(TRequest request);
}

/// <summary>An option of <typeparamref name="TRequest"/>'s command with a value of type <typeparamref name="T"/>.</summary>
/// <typeparam name="TRequest">The command's request record.</typeparam>
/// <typeparam name="T">string?, int?, bool (a flag) or IReadOnlyList&lt;string&gt; (repeatable).</typeparam>
public record AgentRequestOption<TRequest, T> : AgentRequestOption<TRequest>
{
    /// <summary>Defines the option.</summary>
    public AgentRequestOption(string name, string helpName, string description, Func<TRequest, T> get, Func<TRequest, T, TRequest> set)
        : base(name, helpName, description)
    {
        Get = get;
        Set = set;
    }

    /// <summary>Reads the option's value from a request.</summary>
    public Func<TRequest, T> Get { get; }

    /// <summary>A copy of a request with the option's value set.</summary>
    public Func<TRequest, T, TRequest> Set { get; }

    /// <inheritdoc />
    public override IEnumerable<string> Format(TRequest request) => Get(request) switch
    {
        null or false => [],
        true => [Name],
        int number => [Name, number.ToString(CultureInfo.InvariantCulture)],
        string text => [Name, text],
        IEnumerable<string> values => values.SelectMany(v => new[] { Name, v }),
        var other => throw new InvalidOperationException($"option {Name} has a value of type {other.GetType().Name}, which has no command-line form"),
    };

    /// <summary>
    /// The same option for a command whose request <typeparamref name="TOuter"/> holds a
    /// <typeparamref name="TRequest"/> — one option, one meaning, in several commands.
    /// </summary>
    /// <param name="get">The inner request of an outer one.</param>
    /// <param name="set">An outer request with its inner request replaced.</param>
    /// <param name="description">Help for this command, when it differs.</param>
    public AgentRequestOption<TOuter, T> Within<TOuter>(Func<TOuter, TRequest> get, Func<TOuter, TRequest, TOuter> set, string? description = null) =>
        new(Name, HelpName, description ?? Description, outer => Get(get(outer)), (outer, value) => set(outer, Set(get(outer), value)));
}

/// <summary>An option of <c>run</c>, whose request is <see cref="AgentRunRequest"/>.</summary>
/// <typeparam name="T">string?, int?, bool (a flag) or IReadOnlyList&lt;string&gt; (repeatable).</typeparam>
public sealed record AgentOption<T> : AgentRequestOption<AgentRunRequest, T>
{
    /// <summary>Defines the option.</summary>
    public AgentOption(string name, string helpName, string description, Func<AgentRunRequest, T> get, Func<AgentRunRequest, T, AgentRunRequest> set)
        : base(name, helpName, description, get, set)
    {
    }
}
