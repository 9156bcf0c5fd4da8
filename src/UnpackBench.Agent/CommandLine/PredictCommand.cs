using System.CommandLine;
using System.Runtime.InteropServices;
using UnpackBench.Agent.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent predict</c>: counts an image's layer features by streaming it once and predicts
/// its unpack time on a calibrated node; its options are <see cref="AgentPredictOptions"/>.
/// </summary>
internal sealed class PredictCommand : IAgentCommand
{
    private readonly IReadOnlyList<OptionBinding<AgentPredictRequest>> _bindings;

    /// <summary>Creates the command with all its options.</summary>
    public PredictCommand()
    {
        Definition = new Command(AgentCommandLine.PredictCommand, "Predict an image's unpack time on a calibrated node, per layer and in total with 95% intervals, by streaming its layers once (nothing is unpacked)");
        _bindings = OptionBinding<AgentPredictRequest>.AddAll(Definition, AgentPredictOptions.All);
    }

    /// <inheritdoc />
    public Command Definition { get; }

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        var request = OptionBinding<AgentPredictRequest>.ReadAll(_bindings, parse, new AgentPredictRequest());
        var (settings, problems) = PredictRequestValidator.Validate(
            request, console.Environment, console.WorkingDirectory, Platform.ForLinux(RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                await console.Error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.Usage;
        }

        return await PredictionCommandFailures.RunAsync(console, async () =>
        {
            var session = new PredictionSession(console.Error, TimeProvider.System, console.Environment("PATH"), s => ImageSourceFactory.Open(s, console.Environment));
            var prediction = await session.RunAsync(settings, cancellationToken);
            if (settings.Json)
            {
                await console.Out.WriteLineAsync(PredictionJson.Serialize(prediction));
            }
            else
            {
                PredictionTable.Write(console.Out, prediction);
            }

            return ExitCodes.Success;
        }, cancellationToken);
    }
}
