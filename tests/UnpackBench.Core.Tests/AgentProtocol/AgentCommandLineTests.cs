using UnpackBench.Core.AgentProtocol;

namespace UnpackBench.Core.Tests.AgentProtocol;

public sealed class AgentCommandLineTests
{
    [Fact]
    public void Unset_options_are_left_out_and_set_ones_written_in_help_order()
    {
        var arguments = AgentCommandLine.Arguments(new AgentRunRequest { Image = "busybox", Runs = 3, PlainHttp = true, RegistryConfigs = ["/a.json", "/b.json"] });

        Assert.Equal(["run", "--image", "busybox", "--runs", "3", "--plain-http", "--registry-config", "/a.json", "--registry-config", "/b.json"], arguments);
    }

    [Fact]
    public void Every_option_has_a_distinct_dashed_name_and_help()
    {
        Assert.Equal(AgentRunOptions.All.Count, AgentRunOptions.All.Select(o => o.Name).Distinct().Count());
        Assert.All(AgentRunOptions.All, o =>
        {
            Assert.Matches("^--[a-z][a-z-]+$", o.Name);
            Assert.NotEmpty(o.Description);
        });
    }

    [Fact]
    public void Every_property_of_the_request_has_an_option()
    {
        var full = new AgentRunRequest
        {
            Image = "i",
            Archive = "a",
            Runs = 1,
            Warmup = 2,
            Snapshotters = ["s", "t"],
            Concurrency = 4,
            Cache = "drop",
            Durable = true,
            Floor = true,
            WhatIf = ["zstd", "gzip-1"],
            LinkMbps = 10,
            Platform = "p",
            PlainHttp = true,
            RegistryConfigs = ["r"],
            Root = "o",
            ContainerdAddress = "c",
            Output = "u",
            Json = true,
            SampleIntervalMs = 3,
            StatsSource = "t",
            LogFormat = "l",
            TerminationMessagePath = "m",
        };

        var rebuilt = AgentRunOptions.All.Aggregate(new AgentRunRequest(), (request, option) => option switch
        {
            AgentOption<string?> text => text.Set(request, text.Get(full)),
            AgentOption<int?> number => number.Set(request, number.Get(full)),
            AgentOption<bool> flag => flag.Set(request, flag.Get(full)),
            AgentOption<IReadOnlyList<string>> list => list.Set(request, list.Get(full)),
            _ => throw new InvalidOperationException(option.Name),
        });

        Assert.Equivalent(full, rebuilt, strict: true);
        Assert.Equal(typeof(AgentRunRequest).GetProperties().Length, AgentRunOptions.All.Count);
    }
}
