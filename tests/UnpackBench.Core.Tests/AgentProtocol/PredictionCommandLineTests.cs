using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Core.Tests.AgentProtocol;

public sealed class PredictionCommandLineTests
{
    [Fact]
    public void Calibrate_arguments_carry_the_set_and_the_options_shared_with_run()
    {
        var request = new AgentCalibrateRequest { Set = "quick", Run = new AgentRunRequest { Runs = 2, Root = "/var/lib/ub", Json = true } };

        var arguments = AgentCommandLine.CalibrateArguments(request);

        Assert.Equal(["calibrate", "--set", "quick", "--runs", "2", "--root", "/var/lib/ub", "--json"], arguments);
    }

    [Fact]
    public void A_count_for_the_operator_is_predict_features_only_in_json_log_mode()
    {
        var request = new AgentPredictRequest { FeaturesOnly = true, Image = new AgentRunRequest { Image = "python:3.12", LogFormat = AgentCommandLine.JsonLogFormat, TerminationMessagePath = "/dev/termination-log" } };

        var arguments = AgentCommandLine.PredictArguments(request);

        Assert.Equal(["predict", "--image", "python:3.12", "--features-only", "--log-format", "json", "--termination-message-path", "/dev/termination-log"], arguments);
    }

    [Fact]
    public void An_option_shared_with_run_has_runs_name_and_reads_and_writes_the_inner_request()
    {
        var lifted = AgentCalibrateOptions.Runs;

        var set = lifted.Set(new AgentCalibrateRequest(), 7);

        Assert.Equal(AgentRunOptions.Runs.Name, lifted.Name);
        Assert.Equal(7, set.Run.Runs);
        Assert.Equal(7, lifted.Get(set));
        Assert.Equal(["--runs", "7"], lifted.Format(set));
    }

    [Fact]
    public void Every_option_of_calibrate_and_predict_has_a_distinct_dashed_name_and_help()
    {
        foreach (var names in new[] { AgentCalibrateOptions.All.Select(o => (o.Name, o.Description)).ToList(), AgentPredictOptions.All.Select(o => (o.Name, o.Description)).ToList() })
        {
            Assert.Equal(names.Count, names.Select(n => n.Name).Distinct().Count());
            Assert.All(names, n =>
            {
                Assert.Matches("^--[a-z][a-z-]+$", n.Name);
                Assert.NotEmpty(n.Description);
            });
        }
    }

    [Fact]
    public void Every_property_of_the_predict_request_has_an_option()
    {
        var full = new AgentPredictRequest
        {
            Image = new AgentRunRequest { Image = "i", Archive = "a", Platform = "p", PlainHttp = true, RegistryConfigs = ["r"], Snapshotters = ["s"], LogFormat = "json", TerminationMessagePath = "t" },
            Calibration = "c",
            Measured = "m",
            Json = true,
            FeaturesOnly = true,
        };

        var rebuilt = AgentPredictOptions.All.Aggregate(new AgentPredictRequest(), (request, option) => option switch
        {
            AgentRequestOption<AgentPredictRequest, string?> text => text.Set(request, text.Get(full)),
            AgentRequestOption<AgentPredictRequest, bool> flag => flag.Set(request, flag.Get(full)),
            AgentRequestOption<AgentPredictRequest, IReadOnlyList<string>> list => list.Set(request, list.Get(full)),
            _ => throw new InvalidOperationException(option.Name),
        });

        Assert.Equivalent(full, rebuilt, strict: true);
    }
}
