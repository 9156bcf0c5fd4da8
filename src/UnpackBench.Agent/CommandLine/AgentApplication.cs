using System.CommandLine;
using Spectre.Console;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Agent.Reporting;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.CommandLine;

/// <summary>
/// The agent's entry point minus process concerns: parses, validates, runs the benchmark and maps
/// every outcome to an exit code and a message. User mistakes get a sentence, never a stack trace.
/// </summary>
internal static class AgentApplication
{
    /// <summary>Runs the agent with <paramref name="args"/>; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var run = new RunCommand();
        var root = new RootCommand("unpackbench-agent: measures how fast containerd turns an image's layers into a filesystem") { run };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await stderr.WriteLineAsync($"error: {error.Message}");
            }

            await stderr.WriteLineAsync("Run 'unpackbench-agent run --help' for the options.");
            return ExitCodes.Usage;
        }

        if (parse.Action is not null)
        {
            // --help or --version: let System.CommandLine print what was asked for.
            return await parse.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }, cancellationToken);
        }

        if (parse.CommandResult.Command != run)
        {
            await stderr.WriteLineAsync("error: no command given. Use 'unpackbench-agent run --image REF' (see 'unpackbench-agent run --help').");
            return ExitCodes.Usage;
        }

        var arguments = run.Read(parse);
        var (settings, problems) = RunArgumentsValidator.Validate(
            arguments, environment, Directory.GetCurrentDirectory(), Platform.ForLinux(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync($"error: {problem}");
            }

            // An operator reading the log or the termination message learns why too.
            if (string.Equals(arguments.LogFormat, "json", StringComparison.OrdinalIgnoreCase))
            {
                new JsonLinesReporter(stdout, TimeProvider.System).Failed(AgentFailureReasons.InvalidSpec, string.Join("; ", problems));
            }

            TerminationMessage.Write(arguments.TerminationMessagePath, "Failed", AgentFailureReasons.InvalidSpec, string.Join("; ", problems), null);
            return ExitCodes.Usage;
        }

        return await BenchmarkAsync(settings, stdout, stderr, environment, cancellationToken);
    }

    private static async Task<int> BenchmarkAsync(BenchmarkSettings settings, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var json = settings.JsonLog ? new JsonLinesReporter(stdout, TimeProvider.System) : null;
        var console = json is null ? new ConsoleReporter(CreateConsole(settings.PrintJson ? stderr : stdout)) : null;
        IBenchmarkReporter reporter = (IBenchmarkReporter?)json ?? console!;
        var session = new BenchmarkSession(reporter, TimeProvider.System, environment, s => OpenSource(s, environment));
        try
        {
            var outcome = console is null
                ? await session.RunAsync(settings, cancellationToken)
                : await console.RunAsync(() => session.RunAsync(settings, cancellationToken));
            if (settings.PrintJson)
            {
                await stdout.WriteLineAsync(ResultJson.Serialize(outcome.Result));
            }

            return await ConcludeAsync(outcome, settings, json, stderr);
        }
        catch (Exception e) when (cancellationToken.IsCancellationRequested)
        {
            await FailAsync(settings, json, stderr, AgentFailureReasons.Incomplete, $"interrupted before any run completed; containerd was stopped and nothing was written ({e.GetType().Name})");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (FailureClassifier.Classify(e) is { } failure)
        {
            await FailAsync(settings, json, stderr, failure.Reason, e.Message);
            return failure.ExitCode;
        }
        catch (Exception e)
        {
            await FailAsync(settings, json, stderr, AgentFailureReasons.InternalError, $"internal error: {e.GetType().Name}: {e.Message}");
            await stderr.WriteLineAsync(environment("UNPACKBENCH_DEBUG") == "1" ? e.ToString() : "Set UNPACKBENCH_DEBUG=1 for the stack trace, and please report it.");
            return ExitCodes.Failed;
        }
    }

    private static async Task<int> ConcludeAsync(SessionOutcome outcome, BenchmarkSettings settings, JsonLinesReporter? json, TextWriter stderr)
    {
        var summary = outcome.Result.Summary;
        if (outcome.Interrupted)
        {
            await FailAsync(settings, json, stderr, AgentFailureReasons.Incomplete, $"interrupted; the runs completed so far are in {outcome.ResultPath}", summary);
            return ExitCodes.Interrupted;
        }

        if (!outcome.Succeeded)
        {
            var (reason, why) = summary.SuccessfulRuns == 0
                ? (AgentFailureReasons.AllRunsFailed, $"all {outcome.Result.Runs.Count} runs failed: {(outcome.Result.Runs.Count > 0 ? outcome.Result.Runs[^1].Error : null) ?? string.Join("; ", outcome.Result.Notes)}")
                : (AgentFailureReasons.Incomplete, $"the benchmark stopped after {outcome.Result.Runs.Count} of {outcome.Result.BenchmarkConfig.NumRuns} runs: {string.Join("; ", outcome.Result.Notes)}");
            await FailAsync(settings, json, stderr, reason, $"{why} (see {outcome.ResultPath})", summary);
            return ExitCodes.Failed;
        }

        TerminationMessage.Write(settings.TerminationMessagePath, "Succeeded", null, $"{summary.SuccessfulRuns} of {outcome.Result.Runs.Count} runs succeeded", summary);
        return ExitCodes.Success;
    }

    // Text mode prints "error: …" on stderr; JSON mode adds a "failed" event for the operator.
    private static async Task FailAsync(BenchmarkSettings settings, JsonLinesReporter? json, TextWriter stderr, string reason, string message, BenchmarkSummary? summary = null)
    {
        await stderr.WriteLineAsync(message.StartsWith("interrupted", StringComparison.Ordinal) || message.StartsWith("internal error", StringComparison.Ordinal) ? message : $"error: {message}");
        json?.Failed(reason, message);
        TerminationMessage.Write(settings.TerminationMessagePath, "Failed", reason, message, summary);
    }

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

    private static IImageSource OpenSource(BenchmarkSettings settings, Func<string, string?> environment)
    {
        if (settings.Image is { } image)
        {
            var credentials = new RegistryCredentialStore(
                settings.RegistryConfigs,
                environment,
                environment("HOME"),
                (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
            return new RegistryImageSource(image, settings.PlainHttp, credentials);
        }

        return new ArchiveImageSource(settings.ArchivePath!, settings.Platform, Path.Combine(settings.RootDirectory, "scratch"));
    }
}
