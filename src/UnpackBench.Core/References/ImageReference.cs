using System.Text.RegularExpressions;
using UnpackBench.Core.Images;

namespace UnpackBench.Core.References;

/// <summary>
/// A parsed image reference such as <c>ghcr.io/org/app:1.2@sha256:…</c>, normalised the way Docker
/// and containerd normalise it: <c>busybox</c> means <c>docker.io/library/busybox:latest</c>.
/// </summary>
public sealed partial record ImageReference
{
    private const string DockerHub = "docker.io";
    private const int MaxNameLength = 255;

    private ImageReference(string domain, string repository, string? tag, Digest? digest)
    {
        Domain = domain;
        Repository = repository;
        Tag = tag;
        Digest = digest;
    }

    /// <summary>The registry's name as users write it (<c>docker.io</c>, <c>127.0.0.1:5000</c>).</summary>
    public string Domain { get; }

    /// <summary>The repository path inside the registry (<c>library/busybox</c>).</summary>
    public string Repository { get; }

    /// <summary>The tag, or null when the reference pins a digest only.</summary>
    public string? Tag { get; }

    /// <summary>The pinned digest, if any; it wins over the tag when fetching.</summary>
    public Digest? Digest { get; }

    /// <summary>The host to send registry API calls to (Docker Hub's API lives on another host).</summary>
    public string ApiHost => Domain == DockerHub ? "registry-1.docker.io" : Domain;

    /// <summary>What to ask the registry's manifest endpoint for: the digest when pinned, else the tag.</summary>
    public string ManifestReference => Digest?.ToString() ?? Tag!;

    /// <summary>The fully qualified name, e.g. <c>docker.io/library/busybox:latest</c>.</summary>
    public override string ToString() =>
        $"{Domain}/{Repository}{(Tag is null ? "" : ":" + Tag)}{(Digest is null ? "" : "@" + Digest)}";

    /// <summary>Parses and normalises <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">The reference is malformed; the message says which part and why.</exception>
    public static ImageReference Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new FormatException("the image reference is empty; give one like 'docker.io/library/busybox:latest'");
        }

        if (text != text.Trim() || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new FormatException($"image reference '{Printable(text)}' is invalid: it contains whitespace or control characters");
        }

        var rest = text;
        Digest? digest = null;
        var at = rest.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            if (!Images.Digest.TryParse(rest[(at + 1)..], out var d, out var problem))
            {
                throw new FormatException($"image reference '{text}': {problem}");
            }

            digest = d;
            rest = rest[..at];
        }

        string? tag = null;
        var lastColon = rest.LastIndexOf(':');
        if (lastColon > rest.LastIndexOf('/'))
        {
            tag = rest[(lastColon + 1)..];
            rest = rest[..lastColon];
            if (!TagPattern().IsMatch(tag))
            {
                throw new FormatException($"image reference '{text}' has an invalid tag '{tag}': a tag is 1–128 letters, digits, '_', '.' or '-', not starting with '.' or '-'");
            }
        }

        var (domain, repository) = SplitDomain(rest, text);
        if (domain.Length + 1 + repository.Length > MaxNameLength)
        {
            throw new FormatException($"image reference '{text}' has a name longer than {MaxNameLength} characters");
        }

        return new ImageReference(domain, repository, tag ?? (digest is null ? "latest" : null), digest);
    }

    private static (string Domain, string Repository) SplitDomain(string name, string original)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? name : name[..slash];
        var hasDomain = slash >= 0 && (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost" || first.Any(char.IsUpper));
        var domain = hasDomain ? first : DockerHub;
        var repository = hasDomain ? name[(slash + 1)..] : name;

        if (hasDomain && !DomainPattern().IsMatch(domain))
        {
            throw new FormatException($"image reference '{original}' has an invalid registry host '{domain}'");
        }

        if (domain == "index.docker.io")
        {
            domain = DockerHub;
        }

        if (domain == DockerHub && !repository.Contains('/', StringComparison.Ordinal))
        {
            repository = "library/" + repository;
        }

        if (repository.Length == 0)
        {
            throw new FormatException($"image reference '{original}' has no repository name");
        }

        foreach (var component in repository.Split('/'))
        {
            if (component.Any(char.IsUpper))
            {
                throw new FormatException($"image reference '{original}': repository names must be lower-case ('{component}')");
            }

            if (!PathComponentPattern().IsMatch(component))
            {
                throw new FormatException($"image reference '{original}' has an invalid repository path component '{Printable(component)}': use lower-case letters and digits, separated by '.', '_', '__' or '-'");
            }
        }

        return (domain, repository);
    }

    private static string Printable(string text) =>
        new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$")]
    private static partial Regex PathComponentPattern();

    [GeneratedRegex(@"^(?:(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9])(?:\.(?:[A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9-]*[A-Za-z0-9]))*|\[[0-9A-Fa-f:.]+\])(?::[0-9]+)?$")]
    private static partial Regex DomainPattern();
}
