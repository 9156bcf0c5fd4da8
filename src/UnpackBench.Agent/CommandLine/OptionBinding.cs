using System.CommandLine;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// The System.CommandLine option of one <see cref="AgentOption"/> from Core, and how its parsed value
/// goes into the command's request: names, help and types come from the contract only.
/// </summary>
/// <typeparam name="TRequest">The command's request record.</typeparam>
internal sealed class OptionBinding<TRequest>
{
    private readonly Func<ParseResult, TRequest, TRequest> _read;

    private OptionBinding(Option option, Func<ParseResult, TRequest, TRequest> read)
    {
        Option = option;
        _read = read;
    }

    /// <summary>The parser's option.</summary>
    public Option Option { get; }

    /// <summary>The binding of <paramref name="contract"/>.</summary>
    public static OptionBinding<TRequest> For(AgentRequestOption<TRequest> contract) => contract switch
    {
        AgentRequestOption<TRequest, string?> text => Bind(text, new Option<string?>(text.Name), v => v),
        AgentRequestOption<TRequest, int?> number => Bind(number, new Option<int?>(number.Name), v => v),
        AgentRequestOption<TRequest, bool> flag => Bind(flag, new Option<bool>(flag.Name), v => v),
        AgentRequestOption<TRequest, IReadOnlyList<string>> list => Bind(list, new Option<string[]>(list.Name), v => (IReadOnlyList<string>)(v ?? [])),
        _ => throw new InvalidOperationException($"option {contract.Name} has a type the command line cannot parse; add it to {nameof(OptionBinding<TRequest>)}"),
    };

    /// <summary>Adds the bindings of <paramref name="contracts"/> to <paramref name="command"/>; returns them.</summary>
    public static IReadOnlyList<OptionBinding<TRequest>> AddAll(Command command, IEnumerable<AgentRequestOption<TRequest>> contracts)
    {
        var bindings = contracts.Select(For).ToList();
        foreach (var binding in bindings)
        {
            command.Options.Add(binding.Option);
        }

        return bindings;
    }

    /// <summary>The request <paramref name="bindings"/> read from <paramref name="parse"/>, starting from <paramref name="empty"/>.</summary>
    public static TRequest ReadAll(IEnumerable<OptionBinding<TRequest>> bindings, ParseResult parse, TRequest empty) =>
        bindings.Aggregate(empty, (request, binding) => binding.Read(parse, request));

    /// <summary>Copies the parsed value into <paramref name="request"/>.</summary>
    public TRequest Read(ParseResult parse, TRequest request) => _read(parse, request);

    private static OptionBinding<TRequest> Bind<TContract, TParsed>(AgentRequestOption<TRequest, TContract> contract, Option<TParsed> option, Func<TParsed?, TContract> convert)
    {
        option.Description = contract.Description;
        if (contract.HelpName.Length > 0)
        {
            option.HelpName = contract.HelpName;
        }

        return new OptionBinding<TRequest>(option, (parse, request) => contract.Set(request, convert(parse.GetValue(option))));
    }
}
