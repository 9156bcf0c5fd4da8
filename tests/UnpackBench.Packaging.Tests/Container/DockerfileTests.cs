using System.Globalization;
using System.Text.RegularExpressions;
using UnpackBench.Packaging.Tests.Infrastructure;

namespace UnpackBench.Packaging.Tests.Container;

public sealed partial class DockerfileTests
{
    private const string Scripts = "docker/bin";
    private static readonly Dockerfile File = Dockerfile.Load();

    /// <summary>The numeric uid of the image's USER (the operator's user).</summary>
    public static long ImageUid()
    {
        var user = Assert.Single(File.Runtime.All("USER"));
        var match = NumericUser().Match(user);
        Assert.True(match.Success, $"USER {user} must be numeric (uid[:gid]) so runAsNonRoot can verify it");
        return long.Parse(match.Groups["uid"].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public void Runtime_stage_installs_every_package_the_agent_checks_for()
    {
        var installed = File.Runtime.All("RUN").SelectMany(AptInstalled).ToHashSet(StringComparer.Ordinal);
        foreach (var (executable, package) in Contracts.AgentPrerequisites())
        {
            Assert.True(installed.Contains(package), $"the runtime stage does not apt-get install {package}, which provides {executable}");
        }
    }

    [Fact]
    public void Runtime_stage_is_slim_debian_bookworm_with_the_aspnet_core_runtime()
    {
        Assert.Equal("debian:bookworm-slim", GlobalDefault(File.Runtime.From));
        var dotnet = File.Stages.Single(s => File.Runtime.All("COPY").Any(c => c.Contains($"--from={s.Name} /usr/share/dotnet", StringComparison.Ordinal)));
        Assert.Contains("dotnet/aspnet", GlobalDefault(dotnet.From), StringComparison.Ordinal);
    }

    [Fact]
    public void Base_images_are_build_arguments_with_defaults()
    {
        foreach (var stage in File.Stages)
        {
            Assert.Matches(@"^\$\{[A-Z_]+\}$", stage.From);
            GlobalDefault(stage.From);
        }
    }

    [Fact]
    public void Apps_come_from_the_build_stage_unless_a_build_argument_names_an_image()
    {
        var apps = File.Stage("apps");
        Assert.Empty(apps.Instructions);
        Assert.Equal("build", GlobalDefault(apps.From));
        Assert.Contains(File.Stages, s => s.Name == "build");
        Assert.All(File.Runtime.All("COPY").Where(c => c.Contains("/out/", StringComparison.Ordinal)), c => Assert.StartsWith("--from=apps ", c, StringComparison.Ordinal));
    }

    [Fact]
    public void No_syntax_directive_makes_buildkit_pull_a_frontend()
    {
        Assert.DoesNotContain(Repository.Read("Dockerfile").Split('\n'), l => l.StartsWith("# syntax=", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Build_stage_publishes_the_operator_and_the_agent_in_release()
    {
        var publish = string.Join(" && ", File.Stage("build").All("RUN"));
        foreach (var project in new[] { "src/UnpackBench.Operator/UnpackBench.Operator.csproj", "src/UnpackBench.Agent/UnpackBench.Agent.csproj" })
        {
            Assert.Matches($@"dotnet publish {Regex.Escape(project)} -c Release\b", publish);
        }
    }

    /// <summary>CI builds the apps outside the build stage (build-image.sh), so this is what keeps the stage users build the same.</summary>
    [Theory]
    [InlineData("restore")]
    [InlineData("publish")]
    public void Build_stage_builds_the_agent_without_the_report_renderer(string verb)
    {
        var agent = Regex.Escape("src/UnpackBench.Agent/UnpackBench.Agent.csproj");
        Assert.Contains(File.Stage("build").All("RUN"), r => Regex.IsMatch(r, $@"dotnet {verb} {agent} [^&]*-p:UnpackBenchReport=false( |$)"));
    }

    [Fact]
    public void Agent_pods_command_is_on_path_and_runs_the_published_agent()
    {
        var command = Contracts.AgentPodCommand();
        Assert.Equal("unpackbench-agent", command);
        AssertWrapperRuns(command, "src/UnpackBench.Agent/UnpackBench.Agent.csproj", "agent");
        AssertWrapperRuns("unpackbench-operator", "src/UnpackBench.Operator/UnpackBench.Operator.csproj", "operator");
    }

    [Fact]
    public void Entrypoint_dispatches_operator_and_agent_with_exec_and_no_eval()
    {
        Assert.Equal("[\"unpackbench\"]", Assert.Single(File.Runtime.All("ENTRYPOINT")));
        Assert.Equal("[\"operator\"]", Assert.Single(File.Runtime.All("CMD")));
        var script = Repository.Read($"{Scripts}/unpackbench");
        Assert.StartsWith("#!/bin/sh\n", script, StringComparison.Ordinal);
        Assert.Contains("operator) exec unpackbench-operator \"$@\"", script, StringComparison.Ordinal);
        Assert.Contains("agent) exec unpackbench-agent \"$@\"", script, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\beval\b", script);
    }

    [Fact]
    public void Scripts_are_executable_and_copied_onto_path()
    {
        Assert.Contains(File.Runtime.All("COPY"), c => c == $"--chmod=0755 {Scripts}/ /usr/local/bin/");
        foreach (var script in Directory.GetFiles(Repository.PathOf(Scripts)))
        {
            Assert.True((System.IO.File.GetUnixFileMode(script) & UnixFileMode.UserExecute) != 0, $"{script} is not executable");
            Assert.DoesNotMatch(@"\beval\b", System.IO.File.ReadAllText(script));
        }
    }

    [Fact]
    public void Image_runs_as_a_fixed_non_root_user_it_creates()
    {
        var uid = ImageUid();
        Assert.NotEqual(0, uid);
        Assert.Contains(File.Runtime.All("RUN"), r => r.Contains($"useradd --system --uid {uid}", StringComparison.Ordinal));
    }

    [Fact]
    public void Image_has_the_oci_labels()
    {
        var labels = string.Join(" ", File.Runtime.All("LABEL"));
        foreach (var key in new[] { "title", "description", "version", "revision", "created", "source" })
        {
            Assert.Contains($"org.opencontainers.image.{key}=", labels, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Build_context_keeps_what_the_build_copies_and_drops_build_output()
    {
        var ignore = Repository.Read(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.Contains("**/bin/", ignore);
        Assert.Contains("**/obj/", ignore);
        var sources = File.Stages.SelectMany(s => s.All("COPY")).Where(c => !c.StartsWith("--from", StringComparison.Ordinal))
            .SelectMany(c => c.Split(' ').Where(w => !w.StartsWith("--", StringComparison.Ordinal)).SkipLast(1));
        foreach (var source in sources)
        {
            Assert.True(System.IO.File.Exists(Repository.PathOf(source)) || Directory.Exists(Repository.PathOf(source)), $"COPY {source}: no such file in the repository");
            Assert.True(ignore.Contains($"!{source}") || ignore.Contains($"!{source.Split('/')[0]}/"), $"COPY {source} is excluded by .dockerignore");
        }
    }

    private static void AssertWrapperRuns(string command, string project, string publishDirectory)
    {
        var publishedTo = $"/out/{publishDirectory}";
        Assert.Contains(File.Stage("build").All("RUN"), r => Regex.IsMatch(r, $@"dotnet publish {Regex.Escape(project)} [^&]*-o {Regex.Escape(publishedTo)}( |$)"));
        var copy = Assert.Single(File.Runtime.All("COPY"), c => c.StartsWith($"--from=apps {publishedTo} ", StringComparison.Ordinal));
        var installedAt = copy.Split(' ')[^1];
        var script = Repository.Read($"{Scripts}/{command}");
        Assert.StartsWith("#!/bin/sh\n", script, StringComparison.Ordinal);
        Assert.Contains($"exec /usr/share/dotnet/dotnet {installedAt}/{Contracts.AssemblyName(project)}.dll \"$@\"", script, StringComparison.Ordinal);
    }

    private static IEnumerable<string> AptInstalled(string run) =>
        AptInstall().Matches(run).SelectMany(m => m.Groups["packages"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(p => !p.StartsWith('-'));

    // The default of the global ARG a FROM names.
    private static string GlobalDefault(string from)
    {
        var name = from.Trim('$', '{', '}');
        var argument = File.GlobalArguments.SingleOrDefault(a => a.Arguments.StartsWith(name + "=", StringComparison.Ordinal));
        Assert.True(argument is not null, $"FROM {from}: no global ARG {name}=DEFAULT before the first FROM");
        return argument.Arguments[(name.Length + 1)..];
    }

    [GeneratedRegex(@"apt-get install (?<packages>[^&;|]+)")]
    private static partial Regex AptInstall();

    [GeneratedRegex(@"^(?<uid>\d+)(:\d+)?$")]
    private static partial Regex NumericUser();
}
