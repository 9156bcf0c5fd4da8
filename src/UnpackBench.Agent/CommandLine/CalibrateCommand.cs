using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using UnpackBench.Agent.Calibration;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent calibrate</c>: benchmarks a fixed set of synthetic images on this node and fits
/// its unpack-time model; its options are <see cref="AgentCalibrateOptions"/>. With <c>--log-format json</c>
/// (the operator's pods) stdout carries only events, the last of which holds the calibration document.
/// </summary>
internal sealed class CalibrateCommand : IAgentCommand
{
    private readonly IReadOnlyList<OptionBinding<AgentCalibrateRequest>> _bindings;

    /// <summary>Creates the command with all its options.</summary>
    public CalibrateCommand()
    {
        Definition = new Command(AgentCommandLine.CalibrateCommand, "Fit this node's unpack-time model: benchmark a fixed set of synthetic layers (bytes, files, directories, links; gzip, zstd, none) and write a calibration document for 'predict'");
        _bindings = OptionBinding<AgentCalibrateRequest>.AddAll(Definition, AgentCalibrateOptions.All);
    }

    /// <inheritdoc />
    public Command Definition { get; }

    /// <summary>The request as parsed, before validation.</summary>
    public AgentCalibrateRequest Read(ParseResult parse) => OptionBinding<AgentCalibrateRequest>.ReadAll(_bindings, parse, new AgentCalibrateRequest());

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        var request = Read(parse);
        var output = PredictionOutput.For(console, request.Run);
        var (settings, problems) = CalibrateRequestValidator.Validate(
            request, console.Environment, console.WorkingDirectory, Platform.ForLinux(RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is null)
        {
            return await output.Verdicts.WriteAsync(AgentVerdict.Invalid(problems));
        }

        return await PredictionCommandFailures.RunAsync(console, output.Verdicts, async () =>
        {
            // stdout carries the document or the events when asked to; people read progress on stderr then.
            var progress = settings.PrintJson || output.Json is not null ? console.Error : console.Out;
            await progress.WriteLineAsync($"calibrating with the {settings.Set.Name} set: {settings.Set.Cases.Count} images, {settings.Benchmark.WarmupRuns} warm-up and {settings.Benchmark.Runs} timed run(s) each, into {settings.Benchmark.Snapshotter}");
            var (calibration, path) = await new CalibrationSession(progress, TimeProvider.System, console.Environment).RunAsync(settings, cancellationToken);
            CalibrationTable.Write(progress, calibration);
            await progress.WriteLineAsync($"calibration written to {path}");
            if (settings.PrintJson)
            {
                await console.Out.WriteLineAsync(PredictionJson.Serialize(calibration));
            }

            output.Json?.Calibrated(calibration, path);
            return AgentVerdict.Success(string.Create(CultureInfo.InvariantCulture, $"calibrated {calibration.Node.Hostname} with the {calibration.Set} set: {calibration.Observations.Count} layers measured"));
        }, cancellationToken);
    }
}
