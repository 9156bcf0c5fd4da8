using UnpackBench.Testing;
using UnpackBench.Testing.Archives;
using UnpackBench.Testing.Docker;
using UnpackBench.Testing.Images;
using UnpackBench.Testing.Registry;

namespace UnpackBench.Packaging.Tests.Container.Support;

/// <summary>
/// What the container tests share: a private dockerd with the project's image loaded (also tagged as
/// docker-compose.yml names it), a registry holding the sample image, and the sample image as an OCI
/// archive. Each test still owns its containers, volumes and result directories.
/// </summary>
public sealed class ProjectImageHost : IAsyncLifetime
{
    /// <summary>The image docker-compose.yml builds and runs.</summary>
    public const string ComposeImage = "unpackbench:local";

    private readonly TempDirectory _directory = new("project-image");
    private DockerdFixture? _docker;
    private RegistryFixture? _registry;

    public DockerdFixture Docker => _docker ?? throw new InvalidOperationException("not started");

    public RegistryFixture Registry => _registry ?? throw new InvalidOperationException("not started");

    /// <summary>The project's image as built by CI.</summary>
    public string Image { get; private set; } = ProjectImage.Tag;

    /// <summary>The sample image in the registry (plain HTTP on 127.0.0.1).</summary>
    public string RegistryImage { get; private set; } = "";

    /// <summary>The sample image as an OCI archive file.</summary>
    public string SampleArchive => _directory.Combine("sample.tar");

    /// <summary>A fresh directory for one test.</summary>
    public string CreateDirectory(string name) => _directory.CreateSubdirectory(name);

    public async Task InitializeAsync()
    {
        _docker = await DockerdFixture.StartAsync();
        Image = await _docker.LoadProjectImageAsync(ComposeImage);
        _registry = await RegistryFixture.StartAsync();
        var sample = SampleImage.Build(OciLayout.Create(_directory.Combine("layout")));
        OciArchive.Write(sample, SampleArchive);
        RegistryImage = await _registry.PushAsync(sample, "bench/sample", "v1");
    }

    public async Task DisposeAsync()
    {
        if (_registry is not null)
        {
            await _registry.DisposeAsync();
        }

        if (_docker is not null)
        {
            await _docker.DisposeAsync();
        }

        _directory.Dispose();
    }
}

/// <summary>The tests that run the project's image share one <see cref="ProjectImageHost"/>.</summary>
[CollectionDefinition(Name)]
public sealed class ProjectImageCollection : ICollectionFixture<ProjectImageHost>
{
    public const string Name = "project image";
}
