using System.CommandLine;
using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// The System.CommandLine option of one <see cref="AgentOption"/> from Core, and how its parsed value
/// goes into an <see cref="AgentRunRequest"/>: names, help and types come from the contract only.
/// </summary>
internal sealed class OptionBinding
{
    private readonly Func<ParseResult, AgentRunRequest, AgentRunRequest> _read;

    private OptionBinding(Option option, Func<ParseResult, AgentRunRequest, AgentRunRequest> read)
    {
        Option = option;
        _read = read;
    }

    /// <summary>The parser's option.</summary>
    public Option Option { get; }

    /// <summary>The binding of <paramref name="contract"/>.</summary>
    public static OptionBinding For(AgentOption contract) => contract switch
    {
        AgentOption<string?> text => Bind(text, new Option<string?>(text.Name), v => v),
        AgentOption<int?> number => Bind(number, new Option<int?>(number.Name), v => v),
        AgentOption<bool> flag => Bind(flag, new Option<bool>(flag.Name), v => v),
        AgentOption<IReadOnlyList<string>> list => Bind(list, new Option<string[]>(list.Name), v => (IReadOnlyList<string>)(v ?? [])),
        _ => throw new InvalidOperationException($"option {contract.Name} has a type the command line cannot parse; add it to {nameof(OptionBinding)}"),
    };

    /// <summary>Copies the parsed value into <paramref name="request"/>.</summary>
    public AgentRunRequest Read(ParseResult parse, AgentRunRequest request) => _read(parse, request);

    private static OptionBinding Bind<TContract, TParsed>(AgentOption<TContract> contract, Option<TParsed> option, Func<TParsed?, TContract> convert)
    {
        option.Description = contract.Description;
        if (contract.HelpName.Length > 0)
        {
            option.HelpName = contract.HelpName;
        }

        return new OptionBinding(option, (parse, request) => contract.Set(request, convert(parse.GetValue(option))));
    }
}
