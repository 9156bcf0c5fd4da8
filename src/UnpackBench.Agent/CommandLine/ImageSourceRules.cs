using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.References;

namespace UnpackBench.Agent.CommandLine;

/// <summary>Where the image comes from: exactly one of --image (or TARGET_IMAGE) and --archive, each valid.</summary>
internal static class ImageSourceRules
{
    /// <summary>The parsed reference or the archive's full path; problems are added to <paramref name="problems"/>.</summary>
    public static (ImageReference? Image, string? ArchivePath) Check(
        AgentRunRequest request, Func<string, string?> environment, string workingDirectory, Func<string, bool> fileExists, List<string> problems)
    {
        var imageText = request.Image ?? (request.Archive is null ? Variables.NonEmpty(environment("TARGET_IMAGE")) : null);
        if (imageText is null && request.Archive is null)
        {
            problems.Add($"no image given: pass {AgentRunOptions.Image.Name} REF (e.g. {AgentRunOptions.Image.Name} docker.io/library/python:3.12) or {AgentRunOptions.Archive.Name} PATH, or set TARGET_IMAGE");
            return (null, null);
        }

        if (imageText is not null && request.Archive is not null)
        {
            problems.Add($"both {AgentRunOptions.Image.Name} and {AgentRunOptions.Archive.Name} given: choose one, the registry image or the archive file");
            return (null, null);
        }

        if (imageText is not null)
        {
            return (Variables.Try(() => ImageReference.Parse(imageText), problems), null);
        }

        var archive = Path.GetFullPath(request.Archive!, workingDirectory);
        if (!fileExists(archive))
        {
            problems.Add($"archive '{request.Archive}' does not exist; give the path of an OCI or 'docker save' tar file");
        }

        return (null, archive);
    }
}
