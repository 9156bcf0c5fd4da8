using UnpackBench.Core.References;

namespace UnpackBench.Core.Tests.References;

public sealed class ImageReferenceTests
{
    // python3 -c 'import hashlib; print(hashlib.sha256(b"abc").hexdigest())'
    private const string Digest = "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    // Expected forms are what `docker pull`, nerdctl and crictl (distribution/reference's
    // ParseNormalizedNamed) make of each input, i.e. the fully qualified name `ctr images pull`
    // insists on: Docker Hub is docker.io, single names live under library/, a first component with
    // '.', ':' or "localhost" (or an upper-case letter) is a registry, and the tag defaults to latest
    // only when no digest is given.
    [Theory]
    [InlineData("official image", "busybox", "docker.io", "library/busybox", "latest", null, "docker.io/library/busybox:latest")]
    [InlineData("official image with tag", "busybox:1.36.1", "docker.io", "library/busybox", "1.36.1", null, "docker.io/library/busybox:1.36.1")]
    [InlineData("library spelled out", "library/busybox", "docker.io", "library/busybox", "latest", null, "docker.io/library/busybox:latest")]
    [InlineData("user repository", "user/repo", "docker.io", "user/repo", "latest", null, "docker.io/user/repo:latest")]
    [InlineData("docker.io with a single name", "docker.io/busybox", "docker.io", "library/busybox", "latest", null, "docker.io/library/busybox:latest")]
    [InlineData("index.docker.io is docker.io", "index.docker.io/library/busybox", "docker.io", "library/busybox", "latest", null, "docker.io/library/busybox:latest")]
    [InlineData("index.docker.io with a single name", "index.docker.io/busybox:musl", "docker.io", "library/busybox", "musl", null, "docker.io/library/busybox:musl")]
    [InlineData("localhost without port", "localhost/x", "localhost", "x", "latest", null, "localhost/x:latest")]
    [InlineData("localhost with port", "localhost:5000/x", "localhost:5000", "x", "latest", null, "localhost:5000/x:latest")]
    [InlineData("ip with port, nested path and tag", "127.0.0.1:5000/a/b:tag", "127.0.0.1:5000", "a/b", "tag", null, "127.0.0.1:5000/a/b:tag")]
    [InlineData("ipv6 with port", "[::1]:5000/x", "[::1]:5000", "x", "latest", null, "[::1]:5000/x:latest")]
    [InlineData("digest only", "ghcr.io/o/r@" + Digest, "ghcr.io", "o/r", null, Digest, "ghcr.io/o/r@" + Digest)]
    [InlineData("tag and digest", "ghcr.io/o/r:v1@" + Digest, "ghcr.io", "o/r", "v1", Digest, "ghcr.io/o/r:v1@" + Digest)]
    [InlineData("official image by digest", "busybox@" + Digest, "docker.io", "library/busybox", null, Digest, "docker.io/library/busybox@" + Digest)]
    [InlineData("deep path and separators", "registry.example.com:443/team/app_name__x/web-ui.v2:1.2.3-rc_1", "registry.example.com:443", "team/app_name__x/web-ui.v2", "1.2.3-rc_1", null, "registry.example.com:443/team/app_name__x/web-ui.v2:1.2.3-rc_1")]
    [InlineData("bare host-looking name is a hub image", "example.com", "docker.io", "library/example.com", "latest", null, "docker.io/library/example.com:latest")]
    [InlineData("port-looking suffix of a single name is a tag", "localhost:5000", "docker.io", "library/localhost", "5000", null, "docker.io/library/localhost:5000")]
    [InlineData("upper-case first component is a registry", "Registry/repo", "Registry", "repo", "latest", null, "Registry/repo:latest")]
    public void Reference_is_normalised_as_docker_does(string @case, string text, string domain, string repository, string? tag, string? digest, string normalised)
    {
        var reference = ImageReference.Parse(text);

        Assert.True(
            (reference.Domain, reference.Repository, reference.Tag, reference.Digest?.ToString(), reference.ToString()) == (domain, repository, tag, digest, normalised),
            $"{@case}: {reference.Domain} | {reference.Repository} | {reference.Tag} | {reference.Digest} | {reference}");
    }

    [Fact]
    public void Tag_of_128_characters_is_the_longest_allowed()
    {
        var tag = new string('t', 128);

        Assert.Equal(tag, ImageReference.Parse("busybox:" + tag).Tag);
    }

    [Theory]
    [InlineData("empty", "", "is empty")]
    [InlineData("only spaces", "   ", "is empty")]
    [InlineData("leading space", " busybox", "whitespace or control characters")]
    [InlineData("inner space", "busy box", "whitespace or control characters")]
    [InlineData("shell command after a semicolon", "busybox;rm -rf /", "whitespace or control characters")]
    [InlineData("semicolon", "busybox;id", "invalid repository path component 'busybox;id'")]
    [InlineData("command substitution", "$(id)", "invalid repository path component")]
    [InlineData("backticks", "`id`", "invalid repository path component")]
    [InlineData("pipe", "a|b", "invalid repository path component")]
    [InlineData("ampersands", "busybox&&id", "invalid repository path component")]
    [InlineData("redirect", "busybox>out", "invalid repository path component")]
    [InlineData("newline", "busybox\nid", "whitespace or control characters")]
    [InlineData("nul", "busybox\0", "whitespace or control characters")]
    [InlineData("upper-case repository", "docker.io/Library/busybox", "must be lower-case ('Library')")]
    [InlineData("upper-case single name", "Busybox", "must be lower-case")]
    [InlineData("tag too long", "busybox:ttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttttt", "invalid tag")]
    [InlineData("tag starting with a dot", "busybox:.hidden", "invalid tag '.hidden'")]
    [InlineData("tag starting with a dash", "busybox:-rc", "invalid tag '-rc'")]
    [InlineData("tag with a plus", "busybox:1.0+build", "invalid tag '1.0+build'")]
    [InlineData("trailing colon", "busybox:", "invalid tag ''")]
    [InlineData("short digest", "busybox@sha256:abc", "must have 64 lower-case hex")]
    [InlineData("unregistered digest algorithm", "busybox@md5:900150983cd24fb0d6963f7d28e17f72", "only sha256 and sha512")]
    [InlineData("at sign without digest", "busybox@", "is not a digest")]
    [InlineData("leading slash", "/busybox", "invalid repository path component ''")]
    [InlineData("double slash", "ghcr.io//x", "invalid repository path component ''")]
    [InlineData("double slash in the path", "a//b", "invalid repository path component ''")]
    [InlineData("trailing slash", "ghcr.io/x/", "invalid repository path component ''")]
    [InlineData("registry only", "ghcr.io/", "has no repository name")]
    [InlineData("dot-dot path", "../etc/passwd", "invalid registry host '..'")]
    [InlineData("registry with underscore", "my_registry.local/x", "invalid registry host 'my_registry.local'")]
    [InlineData("registry starting with a dash", "-bad.example/x", "invalid registry host")]
    [InlineData("separator at the end of a component", "ghcr.io/o/r-", "invalid repository path component 'r-'")]
    [InlineData("two dots between letters", "ghcr.io/o/a..b", "invalid repository path component 'a..b'")]
    [InlineData("three underscores", "ghcr.io/o/a___b", "invalid repository path component 'a___b'")]
    public void Malformed_reference_is_rejected_saying_what_is_wrong(string @case, string text, string reason)
    {
        var thrown = Assert.Throws<FormatException>(() => ImageReference.Parse(text));

        Assert.True(thrown.Message.Contains(reason, StringComparison.Ordinal), $"{@case}: {thrown.Message}");
    }

    [Fact]
    public void Control_characters_are_not_echoed_in_the_message()
    {
        var thrown = Assert.Throws<FormatException>(() => ImageReference.Parse("busybox\u001b[2J"));

        Assert.DoesNotContain('\u001b', thrown.Message);
    }

    [Fact]
    public void Name_longer_than_255_characters_is_rejected()
    {
        // "docker.io/library/" is 18 characters, so a 238-character name makes 256.
        var thrown = Assert.Throws<FormatException>(() => ImageReference.Parse(new string('a', 238)));

        Assert.Contains("longer than 255", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Name_of_exactly_255_characters_is_accepted()
    {
        Assert.Equal(255, ImageReference.Parse(new string('a', 237)).ToString().Length - ":latest".Length);
    }

    [Theory]
    [InlineData("docker hub's api lives on registry-1", "busybox", "registry-1.docker.io")]
    [InlineData("index.docker.io too", "index.docker.io/library/busybox", "registry-1.docker.io")]
    [InlineData("other registries answer themselves", "ghcr.io/o/r", "ghcr.io")]
    [InlineData("port is kept", "localhost:5000/x", "localhost:5000")]
    [InlineData("ipv6 is kept bracketed", "[::1]:5000/x", "[::1]:5000")]
    public void Api_host_is_where_registry_calls_go(string @case, string text, string apiHost)
    {
        Assert.True(ImageReference.Parse(text).ApiHost == apiHost, @case);
    }

    [Theory]
    [InlineData("tag", "busybox:1.36", "1.36")]
    [InlineData("default tag", "busybox", "latest")]
    [InlineData("digest only", "busybox@" + Digest, Digest)]
    [InlineData("digest wins over tag", "busybox:1.36@" + Digest, Digest)]
    public void Manifest_reference_is_the_digest_when_pinned_else_the_tag(string @case, string text, string expected)
    {
        Assert.True(ImageReference.Parse(text).ManifestReference == expected, @case);
    }

    [Theory]
    [InlineData("busybox")]
    [InlineData("ghcr.io/o/r:v1@" + Digest)]
    [InlineData("[::1]:5000/x")]
    public void Normalised_form_parses_to_the_same_reference(string text)
    {
        var once = ImageReference.Parse(text);

        Assert.Equal(once, ImageReference.Parse(once.ToString()));
    }
}
