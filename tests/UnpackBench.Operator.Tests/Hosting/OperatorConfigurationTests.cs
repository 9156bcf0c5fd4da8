using UnpackBench.Operator.Hosting;

namespace UnpackBench.Operator.Tests.Hosting;

public sealed class OperatorConfigurationTests
{
    private const string AgentImage = "localhost:5000/unpackbench:0.1.0";

    private static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var values = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => values.GetValueOrDefault(name);
    }

    private static OperatorOptions Valid(string[] args, Func<string, string?>? environment = null)
    {
        var (options, problems) = OperatorConfiguration.Read(args, environment ?? Environment());
        Assert.Empty(problems);
        return Assert.IsType<OperatorOptions>(options);
    }

    private static string Problem(string[] args, Func<string, string?>? environment = null)
    {
        var (options, problems) = OperatorConfiguration.Read(args, environment ?? Environment());
        Assert.Null(options);
        return Assert.Single(problems);
    }

    [Fact]
    public void Arguments_override_the_environment()
    {
        var environment = Environment(("UNPACKBENCH_AGENT_IMAGE", "localhost:5000/from-env:1"), ("WATCH_NAMESPACE", "env-ns"), ("WORKERS", "2"), ("METRICS_PORT", "9000"));

        var options = Valid(["--agent-image", AgentImage, "--namespace", "team-a", "--workers", "8", "--metrics-port", "9100"], environment);

        Assert.Equal((AgentImage, "team-a", 8, 9100), (options.AgentImage, options.WatchNamespace, options.Workers, options.MetricsPort));
    }

    [Fact]
    public void The_environment_a_deployment_sets_is_read()
    {
        var environment = Environment(
            ("UNPACKBENCH_AGENT_IMAGE", AgentImage), ("UNPACKBENCH_AGENT_IMAGE_PULL_POLICY", "Always"), ("WATCH_NAMESPACE", "team-a"),
            ("LEADER_ELECT", "true"), ("POD_NAMESPACE", "unpackbench-operators"), ("POD_NAME", "unpackbench-operator-7d9f-abcde"),
            ("WORKERS", "6"), ("METRICS_PORT", "9090"), ("HEALTH_PORT", "9091"), ("RESYNC_SECONDS", "120"));

        var options = Valid([], environment);

        Assert.Equal((AgentImage, "Always", "team-a"), (options.AgentImage, options.AgentImagePullPolicy, options.WatchNamespace));
        Assert.Equal((true, "unpackbench-operators", "unpackbench-operator-7d9f-abcde"), (options.LeaderElection, options.LeaseNamespace, options.Identity));
        Assert.Equal((6, 9090, 9091, TimeSpan.FromMinutes(2)), (options.Workers, options.MetricsPort, options.HealthPort, options.ResyncPeriod));
    }

    [Fact]
    public void Only_the_agent_image_is_required()
    {
        var options = Valid(["--agent-image", AgentImage]);

        Assert.Equal(("IfNotPresent", (string?)null, false, "unpackbench-system"), (options.AgentImagePullPolicy, options.WatchNamespace, options.LeaderElection, options.LeaseNamespace));
        Assert.Equal((8, 8080, 8081, TimeSpan.FromMinutes(10)), (options.Workers, options.MetricsPort, options.HealthPort, options.ResyncPeriod));
        Assert.Equal(TimeSpan.FromMinutes(5), options.UnschedulableTimeout);
    }

    [Theory]
    [InlineData("nothing given", null)]
    [InlineData("an empty variable", "")]
    public void A_missing_agent_image_is_a_problem_that_says_how_to_set_it(string @case, string? variable)
    {
        var environment = variable is null ? Environment() : Environment(("UNPACKBENCH_AGENT_IMAGE", variable));

        var problem = Problem([], environment);

        Assert.True(problem.Contains("--agent-image", StringComparison.Ordinal), @case);
        Assert.Contains("UNPACKBENCH_AGENT_IMAGE", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--workers", "0", "1 to 64")]
    [InlineData("--workers", "65", "1 to 64")]
    [InlineData("--workers", "four", "1 to 64")]
    [InlineData("--metrics-port", "65536", "0 to 65535")]
    [InlineData("--metrics-port", "80.5", "0 to 65535")]
    [InlineData("--health-port", "-1", "0 to 65535")]
    [InlineData("--resync-seconds", "5", "10 to 86400")]
    public void A_bad_number_is_a_problem_naming_the_option_and_its_range(string option, string value, string range)
    {
        var problem = Problem(["--agent-image", AgentImage, option, value]);

        Assert.Contains($"{option} '{value}'", problem, StringComparison.Ordinal);
        Assert.Contains(range, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_number_in_the_environment_is_a_problem_too()
    {
        var problem = Problem(["--agent-image", AgentImage], Environment(("WORKERS", "many")));

        Assert.Contains("--workers 'many'", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (options, problems) = OperatorConfiguration.Read(["--workers", "0", "--health-port", "70000"], Environment());

        Assert.Null(options);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Port_zero_turns_an_endpoint_off()
    {
        var options = Valid(["--agent-image", AgentImage, "--metrics-port", "0", "--health-port", "0"]);

        Assert.Equal((0, 0), (options.MetricsPort, options.HealthPort));
    }

    [Theory]
    [InlineData("flag alone", new[] { "--leader-elect" }, true)]
    [InlineData("flag before another option", new[] { "--leader-elect", "--workers", "2" }, true)]
    [InlineData("not given", new string[0], false)]
    public void Leader_election_is_a_flag(string @case, string[] args, bool elect)
    {
        var options = Valid(["--agent-image", AgentImage, .. args]);

        Assert.True(elect == options.LeaderElection, @case);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    public void Leader_election_can_be_set_in_the_environment(string value, bool elect)
    {
        Assert.Equal(elect, Valid(["--agent-image", AgentImage], Environment(("LEADER_ELECT", value))).LeaderElection);
    }

    [Fact]
    public void An_option_without_its_value_is_a_problem()
    {
        Assert.Contains("--workers needs a value", Problem(["--agent-image", AgentImage, "--workers"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_word_that_is_no_option_is_a_problem()
    {
        Assert.Contains("unexpected argument 'true'", Problem(["--agent-image", AgentImage, "--leader-elect", "true"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--leader-election")]
    [InlineData("--metrics-prot")]
    [InlineData("--agent-image-pull")]
    public void A_misspelt_option_is_a_problem_rather_than_silently_ignored(string option)
    {
        var problem = Problem(["--agent-image", AgentImage, option, "1"]);

        Assert.Contains(option, problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pull_policy_must_be_one_kubernetes_knows()
    {
        var problem = Problem(["--agent-image", AgentImage, "--agent-image-pull-policy", "Sometimes"]);

        Assert.Contains("Always, IfNotPresent or Never", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_api_server_comes_from_the_argument_or_else_the_environment()
    {
        var environment = Environment(("UNPACKBENCH_API_SERVER", "http://localhost:8001"));

        Assert.Equal("http://127.0.0.1:6443", OperatorConfiguration.Value(OperatorSettings.Server, ["--agent-image", AgentImage, "--server", "http://127.0.0.1:6443"], environment));
        Assert.Equal("http://localhost:8001", OperatorConfiguration.Value(OperatorSettings.Server, ["--agent-image", AgentImage], environment));
        Assert.Null(OperatorConfiguration.Value(OperatorSettings.Server, [], Environment()));
    }

    [Fact]
    public void The_server_option_is_accepted_alongside_the_others()
    {
        Valid(["--agent-image", AgentImage, "--server", "http://127.0.0.1:6443"]);
    }

    [Fact]
    public void The_bind_address_defaults_to_all_ipv4_and_must_be_an_ip_address()
    {
        Assert.Equal("0.0.0.0", Valid(["--agent-image", AgentImage]).BindAddress);
        Assert.Equal("127.0.0.1", Valid(["--agent-image", AgentImage], Environment(("BIND_ADDRESS", "127.0.0.1"))).BindAddress);
        Assert.Contains("is not an IP address", Problem(["--agent-image", AgentImage, "--bind-address", "localhost"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_setting_has_a_distinct_option_and_variable()
    {
        Assert.Equal(OperatorSettings.All.Count, OperatorSettings.All.Select(s => s.Option).Distinct().Count());
        Assert.Equal(OperatorSettings.All.Count, OperatorSettings.All.Select(s => s.Variable).Distinct().Count());
    }
}
