using System.CommandLine;
using System.Globalization;
using System.Runtime.InteropServices;
using UnpackBench.Agent.Prediction;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Prediction;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// <c>unpackbench-agent predict</c>: counts an image's layer features by streaming it once and predicts
/// its unpack time on a calibrated node — or, with <c>--features-only</c>, only counts them (what the
/// operator's prediction pod does); its options are <see cref="AgentPredictOptions"/>.
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

    /// <summary>The request as parsed, before validation.</summary>
    public AgentPredictRequest Read(ParseResult parse) => OptionBinding<AgentPredictRequest>.ReadAll(_bindings, parse, new AgentPredictRequest());

    /// <inheritdoc />
    public async Task<int> RunAsync(ParseResult parse, AgentConsole console, CancellationToken cancellationToken)
    {
        var request = Read(parse);
        var output = PredictionOutput.For(console, request.Image);
        var (settings, problems) = PredictRequestValidator.Validate(
            request, console.Environment, console.WorkingDirectory, Platform.ForLinux(RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is null)
        {
            return await output.Verdicts.WriteAsync(AgentVerdict.Invalid(problems));
        }

        var session = new PredictionSession(console.Error, TimeProvider.System, console.Environment("PATH"), s => ImageSourceFactory.Open(s, console.Environment));
        return await PredictionCommandFailures.RunAsync(console, output.Verdicts, () => settings.FeaturesOnly ? CountAsync(session, settings, console, output, cancellationToken) : PredictAsync(session, settings, console, cancellationToken), cancellationToken);
    }

    private static async Task<AgentVerdict> CountAsync(PredictionSession session, PredictSettings settings, AgentConsole console, PredictionOutput output, CancellationToken cancellationToken)
    {
        var features = await session.CountAsync(settings, cancellationToken);
        if (output.Json is { } json)
        {
            json.Counted(features);
        }
        else
        {
            await console.Out.WriteLineAsync(PredictionJson.Serialize(features));
        }

        return AgentVerdict.Success($"counted the {features.Layers.Count} layers of {features.Reference} ({features.Platform})");
    }

    private static async Task<AgentVerdict> PredictAsync(PredictionSession session, PredictSettings settings, AgentConsole console, CancellationToken cancellationToken)
    {
        var prediction = await session.RunAsync(settings, cancellationToken);
        if (settings.Json)
        {
            await console.Out.WriteLineAsync(PredictionJson.Serialize(prediction));
        }
        else
        {
            PredictionTable.Write(console.Out, prediction);
        }

        return AgentVerdict.Success(string.Create(CultureInfo.InvariantCulture, $"predicted {prediction.Total.Seconds:0.000} s for {prediction.Reference}"));
    }
}
