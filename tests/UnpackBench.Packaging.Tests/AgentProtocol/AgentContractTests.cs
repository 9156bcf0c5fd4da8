using System.CommandLine;
using UnpackBench.Agent.CommandLine;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;
using UnpackBench.Operator.Reconciliation.Prediction;

namespace UnpackBench.Packaging.Tests.AgentProtocol;

/// <summary>What the operator's pod asks of the agent is exactly what the agent's own parser reads.</summary>
public sealed class AgentContractTests
{
    public static TheoryData<string, UnpackBenchmarkSpec> Specs => new()
    {
        { "defaults", new UnpackBenchmarkSpec { Image = "python:3.12" } },
        {
            "every option the spec can set",
            new UnpackBenchmarkSpec
            {
                Image = "registry.local:5000/team/app:1.0",
                Runs = BenchmarkLimits.Runs.Max,
                WarmupRuns = BenchmarkLimits.WarmupRuns.Max,
                Snapshotter = "native",
                Platform = "linux/arm64/v8",
                ImagePullSecrets = [new LocalObjectReference { Name = "first" }, new LocalObjectReference { Name = "second" }],
                InsecureRegistries = ["registry.local:5000"],
                SampleIntervalMs = BenchmarkLimits.SampleIntervalMs.Min,
            }
        },
    };

    [Theory]
    [MemberData(nameof(Specs))]
    public void The_pods_arguments_parse_back_into_the_request_they_were_written_from(string @case, UnpackBenchmarkSpec spec)
    {
        var benchmark = new V1Alpha1UnpackBenchmark { Metadata = new() { Name = "contract", Uid = "0", Generation = 1 }, Spec = spec };
        var container = AgentPodBuilder.Build(benchmark, new OperatorOptions { AgentImage = "unpackbench" }).Spec.Containers.Single();
        var run = new RunCommand();
        var root = new RootCommand { run.Definition };

        var parse = root.Parse([.. container.Args]);

        Assert.True(parse.Errors.Count == 0, $"{@case}: {string.Join("; ", parse.Errors.Select(e => e.Message))}");
        Assert.Equal(AgentCommandLine.Executable, container.Command.Single());
        Assert.Equivalent(AgentPodBuilder.Request(spec), run.Read(parse), strict: true);
    }

    [Fact]
    public void The_agent_parses_every_option_of_the_contract_and_no_other()
    {
        var options = new RunCommand().Definition.Options.Select(o => o.Name).Where(n => n.StartsWith("--", StringComparison.Ordinal) && n != "--help").ToHashSet(StringComparer.Ordinal);

        Assert.Equal(AgentRunOptions.All.Select(o => o.Name).ToHashSet(StringComparer.Ordinal), options);
    }

    [Fact]
    public void A_calibrating_pods_arguments_parse_back_into_its_calibrate_request()
    {
        var spec = new UnpackBenchmarkSpec
        {
            Mode = BenchmarkMode.Calibrate,
            Placement = BenchmarkPlacement.EachNode,
            Snapshotter = "native",
            Calibration = new CalibrationSpec { Set = "quick", Runs = 2, WarmupRuns = 0, Cache = "warm" },
        };
        var container = Container(spec);
        var calibrate = new CalibrateCommand();

        var parse = new RootCommand { calibrate.Definition }.Parse([.. container.Args]);

        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        Assert.Equal(AgentCommandLine.CalibrateCommand, container.Args[0]);
        Assert.Equivalent(ModeAgentRequests.Calibrate(spec), calibrate.Read(parse), strict: true);
        Assert.True(container.SecurityContext.Privileged);
    }

    [Fact]
    public void A_predictions_pod_counts_the_image_unprivileged_and_its_arguments_parse_back_into_its_predict_request()
    {
        var spec = new UnpackBenchmarkSpec
        {
            Mode = BenchmarkMode.Predict,
            Image = "registry.local:5000/team/app:1.0",
            Platform = "linux/arm64/v8",
            ImagePullSecrets = [new LocalObjectReference { Name = "first" }],
            InsecureRegistries = ["registry.local:5000"],
        };
        var container = Container(spec);
        var predict = new PredictCommand();

        var parse = new RootCommand { predict.Definition }.Parse([.. container.Args]);

        Assert.True(parse.Errors.Count == 0, string.Join("; ", parse.Errors.Select(e => e.Message)));
        var request = predict.Read(parse);
        Assert.Equivalent(ModeAgentRequests.CountFeatures(spec), request, strict: true);
        Assert.True(request.FeaturesOnly);
        Assert.False(container.SecurityContext.Privileged);
    }

    private static k8s.Models.V1Container Container(UnpackBenchmarkSpec spec) =>
        AgentPodBuilder.Build(new V1Alpha1UnpackBenchmark { Metadata = new() { Name = "contract", Uid = "0", Generation = 1 }, Spec = spec }, new OperatorOptions { AgentImage = "unpackbench" }).Spec.Containers.Single();
}
