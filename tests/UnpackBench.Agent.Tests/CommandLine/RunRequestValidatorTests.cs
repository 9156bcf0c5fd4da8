using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.CommandLine;
using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Images;

namespace UnpackBench.Agent.Tests.CommandLine;

public sealed class RunRequestValidatorTests
{
    private const string WorkingDirectory = "/home/dev/bench";
    private static readonly Platform MachinePlatform = new("linux", "arm64", "v8");

    private static (BenchmarkSettings? Settings, IReadOnlyList<string> Problems) Validate(
        AgentRunRequest arguments, Dictionary<string, string>? environment = null, params string[] existingFiles) =>
        RunRequestValidator.Validate(
            arguments,
            name => environment is not null && environment.TryGetValue(name, out var value) ? value : null,
            WorkingDirectory,
            MachinePlatform,
            path => existingFiles.Contains(path));

    private static BenchmarkSettings Valid(AgentRunRequest arguments, Dictionary<string, string>? environment = null, params string[] existingFiles)
    {
        var (settings, problems) = Validate(arguments, environment, existingFiles);
        Assert.Empty(problems);
        return Assert.IsType<BenchmarkSettings>(settings);
    }

    private static string Problem(AgentRunRequest arguments, Dictionary<string, string>? environment = null, params string[] existingFiles)
    {
        var (settings, problems) = Validate(arguments, environment, existingFiles);
        Assert.Null(settings);
        return Assert.Single(problems);
    }

    [Fact]
    public void Image_alone_gets_every_default()
    {
        var settings = Valid(new AgentRunRequest { Image = "busybox" });

        Assert.Equal("docker.io/library/busybox:latest", settings.Image!.ToString());
        Assert.Null(settings.ArchivePath);
        Assert.Equal(5, settings.Runs);
        Assert.Equal(0, settings.WarmupRuns);
        Assert.Equal("overlayfs", settings.Snapshotter);
        Assert.Equal(MachinePlatform, settings.Platform);
        Assert.False(settings.PlatformExplicit);
        Assert.False(settings.PlainHttp);
        Assert.Empty(settings.RegistryConfigs);
        Assert.Equal("/home/dev/bench/.unpackbench/containerd", settings.RootDirectory);
        Assert.Null(settings.ContainerdAddress);
        Assert.Equal("/home/dev/bench/results", settings.OutputDirectory);
        Assert.False(settings.PrintJson);
        Assert.Equal("docker.io/library/busybox:latest", settings.Target);
    }

    [Fact]
    public void Given_values_are_kept_and_relative_paths_resolved_against_the_working_directory()
    {
        var settings = Valid(
            new AgentRunRequest
            {
                Archive = "images/app.tar",
                Runs = 100,
                Warmup = 10,
                Snapshotters = ["native"],
                Platform = "linux/amd64",
                PlainHttp = true,
                RegistryConfigs = ["../auth/config.json"],
                Root = "/var/lib/unpackbench",
                Output = "out",
                Json = true,
            },
            existingFiles: ["/home/dev/bench/images/app.tar", "/home/dev/auth/config.json"]);

        Assert.Null(settings.Image);
        Assert.Equal("/home/dev/bench/images/app.tar", settings.ArchivePath);
        Assert.Equal("/home/dev/bench/images/app.tar", settings.Target);
        Assert.Equal((100, 10, "native"), (settings.Runs, settings.WarmupRuns, settings.Snapshotter));
        Assert.Equal(new Platform("linux", "amd64", ""), settings.Platform);
        Assert.True(settings.PlatformExplicit);
        Assert.True(settings.PlainHttp);
        Assert.Equal(["/home/dev/auth/config.json"], settings.RegistryConfigs);
        Assert.Equal("/var/lib/unpackbench", settings.RootDirectory);
        Assert.Equal("/home/dev/bench/out", settings.OutputDirectory);
        Assert.True(settings.PrintJson);
    }

    [Fact]
    public void External_containerd_address_is_resolved_too()
    {
        var settings = Valid(new AgentRunRequest { Image = "busybox", ContainerdAddress = "run/containerd.sock" });

        Assert.Equal("/home/dev/bench/run/containerd.sock", settings.ContainerdAddress);
    }

    [Fact]
    public void Without_image_or_archive_the_user_is_told_the_three_ways_to_name_one()
    {
        var problem = Problem(new AgentRunRequest());

        Assert.Contains("--image", problem, StringComparison.Ordinal);
        Assert.Contains("--archive", problem, StringComparison.Ordinal);
        Assert.Contains("TARGET_IMAGE", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_target_image_variable_counts_as_unset()
    {
        Assert.Contains("no image given", Problem(new AgentRunRequest(), new() { ["TARGET_IMAGE"] = "  " }), StringComparison.Ordinal);
    }

    [Fact]
    public void Image_and_archive_together_are_refused()
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Archive = "app.tar" }, existingFiles: ["/home/dev/bench/app.tar"]);

        Assert.Contains("both --image and --archive", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Target_image_variable_names_the_image_when_no_option_does()
    {
        var settings = Valid(new AgentRunRequest(), new() { ["TARGET_IMAGE"] = " alpine:3.20 " });

        Assert.Equal("docker.io/library/alpine:3.20", settings.Image!.ToString());
    }

    [Fact]
    public void Image_option_wins_over_the_target_image_variable()
    {
        var settings = Valid(new AgentRunRequest { Image = "busybox" }, new() { ["TARGET_IMAGE"] = "alpine" });

        Assert.Equal("docker.io/library/busybox:latest", settings.Image!.ToString());
    }

    [Fact]
    public void Archive_option_wins_over_the_target_image_variable()
    {
        var settings = Valid(new AgentRunRequest { Archive = "app.tar" }, new() { ["TARGET_IMAGE"] = "alpine" }, "/home/dev/bench/app.tar");

        Assert.Null(settings.Image);
        Assert.Equal("/home/dev/bench/app.tar", settings.ArchivePath);
    }

    [Theory]
    [InlineData("plain", "7", 7)]
    [InlineData("padded", " 12 ", 12)]
    [InlineData("blank means unset", "", 5)]
    public void Num_runs_variable_sets_the_runs_when_the_option_is_absent(string @case, string value, int expected)
    {
        var settings = Valid(new AgentRunRequest { Image = "busybox" }, new() { ["NUM_RUNS"] = value });

        Assert.True(settings.Runs == expected, @case);
    }

    [Fact]
    public void Runs_option_wins_over_the_num_runs_variable_even_a_malformed_one()
    {
        var settings = Valid(new AgentRunRequest { Image = "busybox", Runs = 3 }, new() { ["NUM_RUNS"] = "lots" });

        Assert.Equal(3, settings.Runs);
    }

    [Theory]
    [InlineData("word", "five")]
    [InlineData("fraction", "2.5")]
    [InlineData("overflow", "99999999999")]
    public void Num_runs_that_is_not_a_whole_number_is_refused(string @case, string value)
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox" }, new() { ["NUM_RUNS"] = value });

        Assert.True(problem.Contains($"NUM_RUNS='{value}' is not a whole number", StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Theory]
    [InlineData("zero", 0, "--runs 0 is too small: it must be at least 1")]
    [InlineData("negative", -1, "--runs -1 is too small: it must be at least 1")]
    [InlineData("one past the limit", 101, "--runs 101 is too large: at most 100")]
    public void Runs_outside_one_to_a_hundred_are_refused(string @case, int runs, string expected)
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Runs = runs });

        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Theory]
    [InlineData("one", 1)]
    [InlineData("a hundred", 100)]
    public void Runs_at_the_limits_are_accepted(string @case, int runs)
    {
        Assert.True(Valid(new AgentRunRequest { Image = "busybox", Runs = runs }).Runs == runs, @case);
    }

    [Fact]
    public void Num_runs_variable_out_of_range_is_refused_like_the_option()
    {
        Assert.Contains("NUM_RUNS=0 is too small", Problem(new AgentRunRequest { Image = "busybox" }, new() { ["NUM_RUNS"] = "0" }), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("eleven", 11, "--warmup 11 is too large: at most 10")]
    [InlineData("negative", -1, "--warmup -1 is too small: it must be at least 0")]
    public void Warmup_outside_zero_to_ten_is_refused(string @case, int warmup, string expected)
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Warmup = warmup });

        Assert.True(problem.StartsWith(expected, StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Theory]
    [InlineData("upper case", "Overlayfs")]
    [InlineData("path traversal", "../../etc")]
    [InlineData("space", "overlay fs")]
    [InlineData("empty", "")]
    [InlineData("starts with a dash", "-overlayfs")]
    [InlineData("65 characters", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("shell metacharacters", "native;reboot")]
    public void Snapshotter_name_that_containerd_could_not_have_is_refused(string @case, string snapshotter)
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Snapshotters = [snapshotter] });

        Assert.True(problem.StartsWith($"snapshotter name '{snapshotter}' is not valid", StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Theory]
    [InlineData("overlayfs")]
    [InlineData("native")]
    [InlineData("devmapper")]
    [InlineData("io.containerd.snapshotter.v1.erofs")]
    [InlineData("zfs_2-pool")]
    public void Snapshotter_names_of_plugins_are_accepted(string snapshotter)
    {
        Assert.Equal(snapshotter, Valid(new AgentRunRequest { Image = "busybox", Snapshotters = [snapshotter] }).Snapshotter);
    }

    [Theory]
    [InlineData("unknown architecture", "linux/sparc9", "unknown architecture 'sparc9'")]
    [InlineData("unknown os", "beos/amd64", "unknown operating system 'beos'")]
    [InlineData("not a platform", "amd64", "must look like os/architecture")]
    public void Platform_that_is_not_known_is_refused(string @case, string platform, string reason)
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Platform = platform });

        Assert.True(problem.Contains(reason, StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Fact]
    public void Missing_archive_is_named_relative_as_given()
    {
        var problem = Problem(new AgentRunRequest { Archive = "images/app.tar" }, existingFiles: ["/home/dev/bench/app.tar"]);

        Assert.StartsWith("archive 'images/app.tar' does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_registry_config_is_refused()
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", RegistryConfigs = ["auth.json"] });

        Assert.StartsWith("--registry-config 'auth.json' does not exist", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Root_and_containerd_address_together_are_refused()
    {
        var problem = Problem(new AgentRunRequest { Image = "busybox", Root = "/var/lib/ub", ContainerdAddress = "/run/containerd/containerd.sock" });

        Assert.Contains("give only one", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("command after a semicolon", "busybox;rm -rf /")]
    [InlineData("command substitution", "$(id)")]
    [InlineData("backticks", "`reboot`")]
    [InlineData("pipe", "busybox|sh")]
    [InlineData("newline", "busybox\nid")]
    [InlineData("upper case", "BusyBox")]
    [InlineData("trailing colon", "busybox:")]
    [InlineData("bad digest", "busybox@sha256:1234")]
    public void Malformed_reference_is_refused_with_the_parsers_reason(string @case, string image)
    {
        var problem = Problem(new AgentRunRequest { Image = image });

        Assert.True(problem.Contains("image reference", StringComparison.Ordinal), $"{@case}: {problem}");
    }

    [Fact]
    public void Malformed_target_image_variable_is_refused()
    {
        Assert.Contains("image reference", Problem(new AgentRunRequest(), new() { ["TARGET_IMAGE"] = "$(id)" }), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var (settings, problems) = Validate(
            new AgentRunRequest
            {
                Image = "Busybox",
                Runs = 0,
                Warmup = 11,
                Snapshotters = ["Overlay"],
                Platform = "linux/sparc9",
                RegistryConfigs = ["missing.json"],
                Root = "/var/lib/ub",
                ContainerdAddress = "/run/containerd/containerd.sock",
            });

        Assert.Null(settings);
        Assert.Collection(
            problems,
            p => Assert.Contains("lower-case", p, StringComparison.Ordinal),
            p => Assert.StartsWith("--runs 0", p, StringComparison.Ordinal),
            p => Assert.StartsWith("--warmup 11", p, StringComparison.Ordinal),
            p => Assert.StartsWith("snapshotter name 'Overlay'", p, StringComparison.Ordinal),
            p => Assert.Contains("sparc9", p, StringComparison.Ordinal),
            p => Assert.StartsWith("--registry-config 'missing.json'", p, StringComparison.Ordinal),
            p => Assert.Contains("give only one", p, StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_two_documented_variables_are_read()
    {
        var asked = new List<string>();

        RunRequestValidator.Validate(new AgentRunRequest(), name =>
        {
            asked.Add(name);
            return null;
        }, WorkingDirectory, MachinePlatform, _ => false);

        Assert.Equal(["NUM_RUNS", "TARGET_IMAGE"], asked.Order(StringComparer.Ordinal));
    }
}
