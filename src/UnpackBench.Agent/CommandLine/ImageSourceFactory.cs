using UnpackBench.Agent.Benchmark;
using UnpackBench.Agent.Images;
using UnpackBench.Agent.Images.Archive;
using UnpackBench.Agent.Images.Registry;

namespace UnpackBench.Agent.CommandLine;

/// <summary>Opens where the image comes from: a registry, with the credentials found for it, or an archive.</summary>
internal static class ImageSourceFactory
{
    /// <summary>The source <paramref name="settings"/> name.</summary>
    public static IImageSource Open(BenchmarkSettings settings, Func<string, string?> environment)
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
