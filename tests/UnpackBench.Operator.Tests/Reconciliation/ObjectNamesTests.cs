using System.Text.RegularExpressions;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Reconciliation;

public sealed partial class ObjectNamesTests
{
    // Benchmark names are DNS subdomains: up to 253 characters of [a-z0-9.-].
    public static TheoryData<string, string> Names => new()
    {
        { "short", "python" },
        { "with dots", "python.3.12-slim" },
        { "52 characters, the longest whose pod name needs no hash", new string('a', 52) },
        { "53 characters", new string('b', 53) },
        { "63 characters", new string('c', 63) },
        { "64 characters", new string('d', 64) },
        { "cut lands on a dash", new string('e', 53) + "-" + new string('f', 40) },
        { "cut lands on a dot", new string('g', 53) + "." + new string('h', 40) },
        { "253 characters", string.Join('.', Enumerable.Repeat(new string('i', 62), 4)) + "-j" },
    };

    [Fact]
    public void Names_are_derived_from_the_benchmark_name_and_generation()
    {
        var benchmark = Scenario.Benchmark(generation: 3);

        Assert.Equal("python-agent-g3-6f1c2a", ObjectNames.AgentPod(benchmark));
        Assert.Equal("python-result", ObjectNames.ResultConfigMap(benchmark));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Derived_names_are_stable(string @case, string name)
    {
        var first = Scenario.Benchmark(name: name, generation: 4);
        var second = Scenario.Benchmark(name: name, generation: 4);

        Assert.True(ObjectNames.AgentPod(first) == ObjectNames.AgentPod(second), @case);
        Assert.True(ObjectNames.ResultConfigMap(first) == ObjectNames.ResultConfigMap(second), @case);
        Assert.Equal(ObjectNames.OwnedLabels(first), ObjectNames.OwnedLabels(second));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Pod_names_are_valid_and_at_most_63_characters(string @case, string name)
    {
        foreach (var generation in new long[] { 1, 9, 10, 123456789 })
        {
            var pod = ObjectNames.AgentPod(Scenario.Benchmark(name: name, generation: generation));

            Assert.True(pod.Length <= 63, $"{@case}: {pod} has {pod.Length} characters");
            Assert.Matches(DnsSubdomain(), pod);
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_generation_gets_its_own_pod_name(string @case, string name)
    {
        var pods = Enumerable.Range(1, 20).Select(g => ObjectNames.AgentPod(Scenario.Benchmark(name: name, generation: g))).ToList();

        Assert.True(pods.Distinct().Count() == pods.Count, @case);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Label_values_are_valid_and_at_most_63_characters(string @case, string name)
    {
        var labels = ObjectNames.OwnedLabels(Scenario.Benchmark(name: name));

        Assert.All(labels.Values, value =>
        {
            Assert.True(value.Length <= 63, $"{@case}: {value}");
            Assert.Matches(LabelValue(), value);
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_result_config_map_name_is_a_valid_name(string @case, string name)
    {
        var configMap = ObjectNames.ResultConfigMap(Scenario.Benchmark(name: name));

        Assert.True(configMap.Length <= 253, @case);
        Assert.Matches(DnsSubdomain(), configMap);
    }

    [Fact]
    public void Very_long_names_get_a_hash_suffix_and_stay_unique()
    {
        var prefix = new string('x', 120);
        var names = new[] { prefix + "-one", prefix + "-two", prefix + "-three" };

        var pods = names.Select(n => ObjectNames.AgentPod(Scenario.Benchmark(name: n))).ToList();
        var labels = names.Select(n => ObjectNames.OwnedLabels(Scenario.Benchmark(name: n))[ObjectNames.BenchmarkLabel]).ToList();

        Assert.Equal(3, pods.Distinct().Count());
        Assert.Equal(3, labels.Distinct().Count());
        Assert.All(pods, p => Assert.Matches("^x+-[0-9a-f]{8}$", p));
        Assert.All(labels, l => Assert.Matches("^x+-[0-9a-f]{8}$", l));
    }

    [Fact]
    public void Result_config_maps_of_names_longer_than_allowed_stay_unique()
    {
        var prefix = string.Join('.', Enumerable.Repeat(new string('y', 62), 4));
        var first = ObjectNames.ResultConfigMap(Scenario.Benchmark(name: prefix + "-a"));
        var second = ObjectNames.ResultConfigMap(Scenario.Benchmark(name: prefix + "-b"));

        Assert.NotEqual(first, second);
        Assert.All(new[] { first, second }, n => Assert.True(n.Length <= 253));
    }

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex("^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$")]
    private static partial Regex LabelValue();
}
