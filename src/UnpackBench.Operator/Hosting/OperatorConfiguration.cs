using System.Globalization;

namespace UnpackBench.Operator.Hosting;

/// <summary>
/// Reads the operator's options from <c>--name value</c> arguments, falling back to environment
/// variables (what a Deployment sets), and says exactly what is wrong when a value is.
/// </summary>
public static class OperatorConfiguration
{
    private static readonly string[] KnownOptions =
        ["agent-image", "agent-image-pull-policy", "namespace", "leader-elect", "lease-namespace", "lease-name", "identity", "workers", "metrics-port", "health-port", "resync-seconds", "unschedulable-timeout-seconds", "server"];

    /// <summary>The options, or the problems (each a sentence).</summary>
    public static (OperatorOptions? Options, IReadOnlyList<string> Problems) Read(string[] args, Func<string, string?> environment)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problems = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                problems.Add($"unexpected argument '{args[i]}'; options look like --agent-image IMAGE");
            }
            else if (args[i] is "--leader-elect")
            {
                values["leader-elect"] = "true";
            }
            else if (i + 1 < args.Length)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                problems.Add($"option {args[i]} needs a value");
            }
        }

        foreach (var unknown in values.Keys.Where(k => !KnownOptions.Contains(k)))
        {
            problems.Add($"unknown option --{unknown}; the options are {string.Join(", ", KnownOptions.Select(o => "--" + o))}");
        }

        string? Value(string option, string variable) =>
            values.TryGetValue(option, out var given) ? given : environment(variable) is { Length: > 0 } set ? set : null;
        var agentImage = Value("agent-image", "UNPACKBENCH_AGENT_IMAGE");
        if (agentImage is null)
        {
            problems.Add("no agent image: pass --agent-image IMAGE or set UNPACKBENCH_AGENT_IMAGE (the Helm chart and kustomize config set it to the operator's own image)");
        }

        var options = new OperatorOptions
        {
            AgentImage = agentImage ?? "",
            AgentImagePullPolicy = Value("agent-image-pull-policy", "UNPACKBENCH_AGENT_IMAGE_PULL_POLICY") ?? "IfNotPresent",
            WatchNamespace = Value("namespace", "WATCH_NAMESPACE"),
            LeaderElection = bool.TryParse(Value("leader-elect", "LEADER_ELECT"), out var elect) && elect,
            LeaseNamespace = Value("lease-namespace", "POD_NAMESPACE") ?? "unpackbench-system",
            LeaseName = Value("lease-name", "LEASE_NAME") ?? "unpackbench-operator",
            Identity = Value("identity", "POD_NAME") ?? Environment.MachineName,
            Workers = Int("workers", Value("workers", "WORKERS"), 8, 1, 64, problems),
            MetricsPort = Int("metrics-port", Value("metrics-port", "METRICS_PORT"), 8080, 0, 65535, problems),
            HealthPort = Int("health-port", Value("health-port", "HEALTH_PORT"), 8081, 0, 65535, problems),
            ResyncPeriod = TimeSpan.FromSeconds(Int("resync-seconds", Value("resync-seconds", "RESYNC_SECONDS"), 600, 10, 86400, problems)),
            UnschedulableTimeout = TimeSpan.FromSeconds(Int("unschedulable-timeout-seconds", Value("unschedulable-timeout-seconds", "UNSCHEDULABLE_TIMEOUT_SECONDS"), 300, 10, 86400, problems)),
        };
        if (options.AgentImagePullPolicy is not ("Always" or "IfNotPresent" or "Never"))
        {
            problems.Add($"--agent-image-pull-policy '{options.AgentImagePullPolicy}' must be Always, IfNotPresent or Never");
        }

        return problems.Count > 0 ? (null, problems) : (options, problems);
    }

    /// <summary>The API server to use instead of in-cluster or kubeconfig discovery (local runs and tests).</summary>
    public static string? Server(string[] args, Func<string, string?> environment)
    {
        var index = Array.IndexOf(args, "--server");
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : environment("UNPACKBENCH_API_SERVER");
    }

    private static int Int(string option, string? text, int fallback, int min, int max, List<string> problems)
    {
        if (text is null)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        problems.Add($"--{option} '{text}' must be a whole number from {min} to {max}");
        return fallback;
    }
}
