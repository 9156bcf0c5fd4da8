using System.Globalization;
using System.Net;

namespace UnpackBench.Operator.Hosting;

/// <summary>
/// Reads the operator's options (<see cref="OperatorSettings"/>) from <c>--name value</c> arguments,
/// falling back to environment variables (what a Deployment sets), and says exactly what is wrong
/// when a value is.
/// </summary>
public static class OperatorConfiguration
{
    /// <summary>The options, or the problems (each a sentence).</summary>
    public static (OperatorOptions? Options, IReadOnlyList<string> Problems) Read(string[] args, Func<string, string?> environment)
    {
        var problems = new List<string>();
        var values = Parse(args, problems);
        string? Value(OperatorSetting setting) =>
            values.TryGetValue(setting.Option, out var given) ? given : environment(setting.Variable) is { Length: > 0 } set ? set : null;
        int Int(OperatorSetting setting) => ReadInt(setting, Value(setting), problems);

        var agentImage = Value(OperatorSettings.AgentImage);
        if (agentImage is null)
        {
            problems.Add($"no agent image: pass --{OperatorSettings.AgentImage.Option} IMAGE or set {OperatorSettings.AgentImage.Variable} (the Helm chart and kustomize config set it to the operator's own image)");
        }

        var bindAddress = Value(OperatorSettings.BindAddress) ?? "0.0.0.0";
        if (!IPAddress.TryParse(bindAddress, out _))
        {
            problems.Add($"--{OperatorSettings.BindAddress.Option} '{bindAddress}' is not an IP address: use e.g. 0.0.0.0 (all IPv4), :: (all), or 127.0.0.1 (this machine only)");
        }

        var options = new OperatorOptions
        {
            AgentImage = agentImage ?? "",
            AgentImagePullPolicy = Value(OperatorSettings.AgentImagePullPolicy) ?? "IfNotPresent",
            WatchNamespace = Value(OperatorSettings.Namespace),
            LeaderElection = bool.TryParse(Value(OperatorSettings.LeaderElect), out var elect) && elect,
            LeaseNamespace = Value(OperatorSettings.LeaseNamespace) ?? "unpackbench-system",
            LeaseName = Value(OperatorSettings.LeaseName) ?? "unpackbench-operator",
            Identity = Value(OperatorSettings.Identity) ?? Environment.MachineName,
            Workers = Int(OperatorSettings.Workers),
            MetricsPort = Int(OperatorSettings.MetricsPort),
            HealthPort = Int(OperatorSettings.HealthPort),
            BindAddress = bindAddress,
            ResyncPeriod = TimeSpan.FromSeconds(Int(OperatorSettings.ResyncSeconds)),
            UnschedulableTimeout = TimeSpan.FromSeconds(Int(OperatorSettings.UnschedulableTimeoutSeconds)),
            TerminatingTimeout = TimeSpan.FromSeconds(Int(OperatorSettings.TerminatingTimeoutSeconds)),
        };
        if (options.AgentImagePullPolicy is not ("Always" or "IfNotPresent" or "Never"))
        {
            problems.Add($"--{OperatorSettings.AgentImagePullPolicy.Option} '{options.AgentImagePullPolicy}' must be Always, IfNotPresent or Never");
        }

        return problems.Count > 0 ? (null, problems) : (options, problems);
    }

    /// <summary>The value of <paramref name="setting"/> (a connection setting the options do not hold), from the arguments or the environment.</summary>
    public static string? Value(OperatorSetting setting, string[] args, Func<string, string?> environment)
    {
        var index = Array.IndexOf(args, "--" + setting.Option);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : environment(setting.Variable) is { Length: > 0 } set ? set : null;
    }

    private static Dictionary<string, string> Parse(string[] args, List<string> problems)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            var setting = args[i].StartsWith("--", StringComparison.Ordinal) ? OperatorSettings.All.FirstOrDefault(s => s.Option == args[i][2..]) : null;
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"unexpected argument '{args[i]}'; options look like --{OperatorSettings.AgentImage.Option} IMAGE");
            }
            else if (setting is null)
            {
                problems.Add($"unknown option {args[i]}; the options are {string.Join(", ", OperatorSettings.All.Select(o => "--" + o.Option))}");
                i += i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? 1 : 0;
            }
            else if (setting.IsFlag)
            {
                values[setting.Option] = "true";
            }
            else if (i + 1 < args.Length)
            {
                values[setting.Option] = args[++i];
            }
            else
            {
                problems.Add($"option {args[i]} needs a value");
            }
        }

        return values;
    }

    private static int ReadInt(OperatorSetting setting, string? text, List<string> problems)
    {
        var fallback = setting.Default ?? throw new InvalidOperationException($"--{setting.Option} is not a whole-number setting");
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= setting.Min && value <= setting.Max)
        {
            return value;
        }

        problems.Add($"--{setting.Option} '{text}' must be a whole number from {setting.Min} to {setting.Max}");
        return fallback;
    }
}
