using UnpackBench.Agent.Tests.Support;
using UnpackBench.Core.Results;
using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Images;

namespace UnpackBench.Agent.Tests.Comparison;

/// <summary>One real benchmark of the small sample image (4 runs), whose document the command tests copy and alter.</summary>
public sealed class SampleBenchmark : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("sample-benchmark");

    /// <summary>The document as the agent wrote it.</summary>
    public string Json { get; private set; } = "";

    /// <summary>The document parsed.</summary>
    public BenchmarkResult Result => ResultJson.Deserialize(Json);

    public async Task InitializeAsync()
    {
        var image = SampleImage.Build(OciLayout.Create(_directory.Combine("layout")), ImageFormat.Oci, "docker.io/unpackbench/sample:1");
        var archive = _directory.Combine("sample.tar");
        OciArchive.Write(image, archive);
        using var agent = new AgentInvocation();
        var code = await agent.RunAsync("--archive", archive, "--runs", "4");
        Assert.True(code == 0, agent.Transcript);
        Json = File.ReadAllText(Assert.Single(agent.ResultFiles()));
    }

    public Task DisposeAsync()
    {
        _directory.Dispose();
        return Task.CompletedTask;
    }
}
