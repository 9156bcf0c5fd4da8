using System.CommandLine;
using Spectre.Console;
using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Containerd;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Images.Registry;
using UnpackBench.Agent.Reporting;
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

        var (settings, problems) = RunArgumentsValidator.Validate(
            run.Read(parse), environment, Directory.GetCurrentDirectory(), Platform.ForLinux(System.Runtime.InteropServices.RuntimeInformation.OSArchitecture), File.Exists);
        if (settings is null)
        {
            foreach (var problem in problems)
            {
                await stderr.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.Usage;
        }

        return await BenchmarkAsync(settings, stdout, stderr, environment, cancellationToken);
    }

    private static async Task<int> BenchmarkAsync(BenchmarkSettings settings, TextWriter stdout, TextWriter stderr, Func<string, string?> environment, CancellationToken cancellationToken)
    {
        var human = settings.PrintJson ? stderr : stdout;
        var terminal = human == Console.Out ? !Console.IsOutputRedirected : human == Console.Error && !Console.IsErrorRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(human),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        var reporter = new ConsoleReporter(console);
        var session = new BenchmarkSession(reporter, TimeProvider.System, environment, s => OpenSource(s, environment));
        try
        {
            var outcome = await reporter.RunAsync(() => session.RunAsync(settings, cancellationToken));
            if (settings.PrintJson)
            {
                await stdout.WriteLineAsync(ResultJson.Serialize(outcome.Result));
            }

            if (outcome.Interrupted)
            {
                await stderr.WriteLineAsync($"interrupted; the runs completed so far are in {outcome.ResultPath}");
                return ExitCodes.Interrupted;
            }

            if (!outcome.Succeeded)
            {
                var why = outcome.Result.Summary.SuccessfulRuns == 0
                    ? $"all {outcome.Result.Runs.Count} runs failed"
                    : "the benchmark stopped before all runs were done";
                await stderr.WriteLineAsync($"error: {why}; see the messages above and {outcome.ResultPath}");
                return ExitCodes.Failed;
            }

            return ExitCodes.Success;
        }
        catch (Exception) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("interrupted before any run completed; containerd was stopped and nothing was written");
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (ExitCodeFor(e) is { } code)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return code;
        }
        catch (Exception e)
        {
            await stderr.WriteLineAsync($"internal error: {e.GetType().Name}: {e.Message}");
            await stderr.WriteLineAsync(environment("UNPACKBENCH_DEBUG") == "1" ? e.ToString() : "Set UNPACKBENCH_DEBUG=1 for the stack trace, and please report it.");
            return ExitCodes.Failed;
        }
    }

    private static int? ExitCodeFor(Exception e) => e switch
    {
        UsageException or RegistryConfigException => ExitCodes.Usage,
        ContainerdException or ImageSourceException or ImageFormatException => ExitCodes.Failed,
        IOException or UnauthorizedAccessException => ExitCodes.Failed,
        _ => null,
    };

    private static IImageSource OpenSource(BenchmarkSettings settings, Func<string, string?> environment)
    {
        if (settings.Image is { } image)
        {
            var credentials = new RegistryCredentialStore(
                settings.RegistryConfig,
                environment,
                environment("HOME"),
                (environment("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries));
            return new RegistryImageSource(image, settings.PlainHttp, credentials);
        }

        return new ArchiveImageSource(settings.ArchivePath!, settings.Platform, Path.Combine(settings.RootDirectory, "scratch"));
    }
}
