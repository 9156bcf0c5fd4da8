using System.CommandLine;

namespace UnpackBench.Agent.CommandLine;

/// <summary>The <c>run</c> command's options: the command-line contract users and scripts rely on.</summary>
internal sealed class RunCommand : Command
{
    private readonly Option<string?> _image = new("--image") { Description = "Image reference to pull, e.g. docker.io/library/python:3.12 (or TARGET_IMAGE)", HelpName = "REF" };
    private readonly Option<string?> _archive = new("--archive") { Description = "OCI or 'docker save' archive to import instead of pulling", HelpName = "PATH" };
    private readonly Option<int?> _runs = new("--runs") { Description = $"Timed runs, 1–{RunArgumentsValidator.MaxRuns} (default 5, or NUM_RUNS)", HelpName = "N" };
    private readonly Option<int?> _warmup = new("--warmup") { Description = "Untimed runs before the timed ones (default 0)", HelpName = "N" };
    private readonly Option<string?> _snapshotter = new("--snapshotter") { Description = "containerd snapshotter to unpack into (default overlayfs)", HelpName = "NAME" };
    private readonly Option<string?> _platform = new("--platform") { Description = "Platform to pick from a multi-platform image (default: this machine's)", HelpName = "OS/ARCH" };
    private readonly Option<bool> _plainHttp = new("--plain-http") { Description = "Talk plain HTTP to the registry (no TLS)" };
    private readonly Option<string[]> _registryConfig = new("--registry-config") { Description = "Docker config.json with registry credentials; repeatable, first match wins (default: REGISTRY_AUTH_FILE, DOCKER_CONFIG, ~/.docker)", HelpName = "FILE" };
    private readonly Option<string?> _root = new("--root") { Description = "Directory of the private containerd's state and content cache (default ./.unpackbench/containerd)", HelpName = "DIR" };
    private readonly Option<string?> _address = new("--containerd-address") { Description = "Use this existing containerd socket instead of a private containerd", HelpName = "SOCKET" };
    private readonly Option<string?> _output = new("--output") { Description = "Directory for the result document (default ./results)", HelpName = "DIR" };
    private readonly Option<bool> _json = new("--json") { Description = "Also print the result document on stdout" };
    private readonly Option<int?> _sampleInterval = new("--sample-interval") { Description = $"Sample containerd's CPU, memory and PIDs every MS milliseconds during a run, {RunArgumentsValidator.MinSampleIntervalMs}–{RunArgumentsValidator.MaxSampleIntervalMs} (default 100)", HelpName = "MS" };
    private readonly Option<string?> _logFormat = new("--log-format") { Description = "Progress as text (default) or json: one event per line on stdout, ending with the result document (what the operator reads)", HelpName = "text|json" };
    private readonly Option<string?> _terminationMessagePath = new("--termination-message-path") { Description = "Write a short JSON outcome here on exit (a pod's terminationMessagePath)", HelpName = "FILE" };
    private readonly Option<string?> _statsSource = new("--stats-source") { Description = "Where resource figures come from: cgroup (containerd's own, exact), docker (the agent's container, as docker stats), or auto (default)", HelpName = "auto|cgroup|docker" };

    /// <summary>Creates the command with all its options.</summary>
    public RunCommand()
        : base("run", "Benchmark how fast containerd unpacks an image: clear, verify, time the unpack, verify — N times")
    {
        Options.Add(_image);
        Options.Add(_archive);
        Options.Add(_runs);
        Options.Add(_warmup);
        Options.Add(_snapshotter);
        Options.Add(_platform);
        Options.Add(_plainHttp);
        Options.Add(_registryConfig);
        Options.Add(_root);
        Options.Add(_address);
        Options.Add(_output);
        Options.Add(_json);
        Options.Add(_sampleInterval);
        Options.Add(_statsSource);
        Options.Add(_logFormat);
        Options.Add(_terminationMessagePath);
    }

    /// <summary>Reads the parsed values.</summary>
    public RunArguments Read(ParseResult parse) => new()
    {
        Image = parse.GetValue(_image),
        Archive = parse.GetValue(_archive),
        Runs = parse.GetValue(_runs),
        Warmup = parse.GetValue(_warmup),
        Snapshotter = parse.GetValue(_snapshotter),
        Platform = parse.GetValue(_platform),
        PlainHttp = parse.GetValue(_plainHttp),
        RegistryConfigs = parse.GetValue(_registryConfig) ?? [],
        Root = parse.GetValue(_root),
        ContainerdAddress = parse.GetValue(_address),
        Output = parse.GetValue(_output),
        Json = parse.GetValue(_json),
        SampleIntervalMs = parse.GetValue(_sampleInterval),
        StatsSource = parse.GetValue(_statsSource),
        LogFormat = parse.GetValue(_logFormat),
        TerminationMessagePath = parse.GetValue(_terminationMessagePath),
    };
}
