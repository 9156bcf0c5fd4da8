using Spectre.Console;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Reporting;

namespace UnpackBench.Agent.CommandLine;

/// <summary>Chooses how progress is shown: JSON lines for the operator, or a console for people (on stderr when stdout carries the result).</summary>
internal static class ReporterFactory
{
    /// <summary>The reporter for <paramref name="settings"/>: exactly one of the two is set.</summary>
    public static (JsonLinesReporter? Json, ConsoleReporter? Human) Create(BenchmarkSettings settings, AgentConsole console) =>
        settings.JsonLog
            ? (new JsonLinesReporter(console.Out, TimeProvider.System), null)
            : (null, new ConsoleReporter(CreateConsole(settings.PrintJson ? console.Error : console.Out)));

    private static IAnsiConsole CreateConsole(TextWriter human)
    {
        var terminal = human == Console.Out ? !Console.IsOutputRedirected : human == Console.Error && !Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(human),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            // Logs and pipes have no width; wrapping would split messages that people grep for.
            console.Profile.Width = 4096;
        }

        return console;
    }
}
