using UnpackBench.Agent.Reporting;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Reporting;

public sealed class JsonLinesReporterTests
{
    [Fact]
    public void Run_events_are_the_first_variant_s_and_later_variants_report_as_stages()
    {
        var output = new StringWriter();
        var reporter = new JsonLinesReporter(output, TimeProvider.System);
        var run = new RunResult { RunId = 1, Status = RunResult.Success, DurationSeconds = 1.5 };

        reporter.VariantStarting("overlayfs", "original", 0, 2);
        reporter.RunFinished(run, 1, warmup: false);
        reporter.VariantStarting("native", "original", 1, 2);
        reporter.RunFinished(run, 1, warmup: false);

        var events = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(AgentEventJson.TryParse).ToList();
        Assert.Equal(["stage", AgentEventKinds.Run, "stage", "stage"], events.Select(e => e!.Event));
        Assert.Equal("native/original run 1/1: 1.500 s", events[3]!.Message);
    }

    [Fact]
    public void A_single_variant_reports_no_variant_stage()
    {
        var output = new StringWriter();
        var reporter = new JsonLinesReporter(output, TimeProvider.System);

        reporter.VariantStarting("overlayfs", "original", 0, 1);

        Assert.Equal("", output.ToString());
    }
}
