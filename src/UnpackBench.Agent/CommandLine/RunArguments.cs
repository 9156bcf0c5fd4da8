namespace UnpackBench.Agent.CommandLine;

/// <summary>The <c>run</c> command's raw values, as parsed from the command line and environment, before validation.</summary>
internal sealed record RunArguments
{
    /// <summary>--image.</summary>
    public string? Image { get; init; }

    /// <summary>--archive.</summary>
    public string? Archive { get; init; }

    /// <summary>--runs.</summary>
    public int? Runs { get; init; }

    /// <summary>--warmup.</summary>
    public int? Warmup { get; init; }

    /// <summary>--snapshotter.</summary>
    public string? Snapshotter { get; init; }

    /// <summary>--platform.</summary>
    public string? Platform { get; init; }

    /// <summary>--plain-http.</summary>
    public bool PlainHttp { get; init; }

    /// <summary>--registry-config, repeatable.</summary>
    public IReadOnlyList<string> RegistryConfigs { get; init; } = [];

    /// <summary>--root.</summary>
    public string? Root { get; init; }

    /// <summary>--containerd-address.</summary>
    public string? ContainerdAddress { get; init; }

    /// <summary>--output.</summary>
    public string? Output { get; init; }

    /// <summary>--json.</summary>
    public bool Json { get; init; }

    /// <summary>--sample-interval, milliseconds.</summary>
    public int? SampleIntervalMs { get; init; }

    /// <summary>--stats-source.</summary>
    public string? StatsSource { get; init; }

    /// <summary>--log-format.</summary>
    public string? LogFormat { get; init; }

    /// <summary>--termination-message-path.</summary>
    public string? TerminationMessagePath { get; init; }
}
