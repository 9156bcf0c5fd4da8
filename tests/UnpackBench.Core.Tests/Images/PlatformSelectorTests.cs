using UnpackBench.Core.Images;

namespace UnpackBench.Core.Tests.Images;

public sealed class PlatformSelectorTests
{
    private static int _next;

    private static ContentDescriptor Entry(string os, string architecture, string variant = "", string mediaType = MediaTypes.OciManifest) =>
        new(mediaType, Digest.Sha256Of($"manifest {Interlocked.Increment(ref _next)}"), 1000)
        {
            Platform = new Platform(os, architecture, variant),
        };

    private static ContentDescriptor Attestation() => Entry("unknown", "unknown") with
    {
        Annotations = new Dictionary<string, string> { ["vnd.docker.reference.type"] = "attestation-manifest" },
    };

    // The platforms library/busybox publishes, in its index's order, with buildkit's attestations.
    private static readonly ContentDescriptor Amd64 = Entry("linux", "amd64");
    private static readonly ContentDescriptor ArmV5 = Entry("linux", "arm", "v5");
    private static readonly ContentDescriptor ArmV6 = Entry("linux", "arm", "v6");
    private static readonly ContentDescriptor ArmV7 = Entry("linux", "arm", "v7");
    private static readonly ContentDescriptor Arm64 = Entry("linux", "arm64", "v8");
    private static readonly ContentDescriptor AmdAttestation = Attestation();
    private static readonly ContentDescriptor ArmAttestation = Attestation();

    private static readonly ImageIndex Busybox = new(MediaTypes.OciIndex, [AmdAttestation, Amd64, ArmV5, ArmV6, ArmV7, Arm64, ArmAttestation]);

    public static TheoryData<string, string, ContentDescriptor> BusyboxChoices => new()
    {
        { "amd64", "linux/amd64", Amd64 },
        { "arm64 implies v8", "linux/arm64", Arm64 },
        { "x86_64 alias", "linux/x86_64", Amd64 },
        { "arm v6 exactly", "linux/arm/v6", ArmV6 },
        { "arm v5 exactly", "linux/arm/v5", ArmV5 },
        { "bare arm means v7, not the first arm listed", "linux/arm", ArmV7 },
    };

    [Theory]
    [MemberData(nameof(BusyboxChoices))]
    public void Manifest_for_the_requested_platform_is_chosen(string @case, string wanted, ContentDescriptor expected)
    {
        Assert.True(PlatformSelector.Select(Busybox, Platform.Parse(wanted)) == expected, @case);
    }

    [Fact]
    public void Exact_variant_wins_over_an_entry_without_variant_listed_first()
    {
        var plain = Entry("linux", "arm64");
        var v8 = Entry("linux", "arm64", "v8");

        Assert.Equal(v8, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [plain, v8]), Platform.Parse("linux/arm64/v8")));
    }

    [Fact]
    public void Request_without_variant_prefers_the_entry_without_variant()
    {
        var v3 = Entry("linux", "amd64", "v3");
        var plain = Entry("linux", "amd64");

        Assert.Equal(plain, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [v3, plain]), Platform.Parse("linux/amd64")));
    }

    [Fact]
    public void Request_without_variant_takes_a_variant_entry_when_it_is_the_only_one()
    {
        var v3 = Entry("linux", "amd64", "v3");

        Assert.Equal(v3, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [v3]), Platform.Parse("linux/amd64")));
    }

    [Fact]
    public void Arm64_entry_without_variant_serves_an_arm64_v8_request()
    {
        var plain = Entry("linux", "arm64");

        Assert.Equal(plain, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [Amd64, plain]), Platform.ForLinux(System.Runtime.InteropServices.Architecture.Arm64)));
    }

    [Fact]
    public void Entry_without_media_type_counts_as_a_manifest()
    {
        var untyped = Entry("linux", "amd64", mediaType: "");

        Assert.Equal(untyped, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [untyped]), Platform.Parse("linux/amd64")));
    }

    [Fact]
    public void Nested_index_is_not_chosen_as_a_manifest()
    {
        var nested = Entry("linux", "amd64", mediaType: MediaTypes.OciIndex);
        var manifest = Entry("linux", "amd64");

        Assert.Equal(manifest, PlatformSelector.Select(new ImageIndex(MediaTypes.OciIndex, [nested, manifest]), Platform.Parse("linux/amd64")));
    }

    [Fact]
    public void Attestation_entry_is_never_chosen_even_for_an_unknown_platform_request()
    {
        var index = new ImageIndex(MediaTypes.OciIndex, [AmdAttestation, Amd64]);

        Assert.Throws<ImageFormatException>(() => PlatformSelector.Select(index, new Platform("unknown", "unknown", "")));
    }

    [Fact]
    public void No_match_names_the_platforms_the_image_offers_without_attestations()
    {
        var thrown = Assert.Throws<ImageFormatException>(() => PlatformSelector.Select(Busybox, Platform.Parse("linux/s390x")));

        Assert.Equal(
            "the image has no manifest for platform linux/s390x; it offers: linux/amd64, linux/arm/v5, linux/arm/v6, linux/arm/v7, linux/arm64/v8. Choose one with --platform",
            thrown.Message);
    }

    [Fact]
    public void No_match_in_an_index_without_platforms_says_none_are_declared()
    {
        var index = new ImageIndex(MediaTypes.OciIndex, [new ContentDescriptor(MediaTypes.OciManifest, Digest.Sha256Of("x"), 1), Attestation()]);

        var thrown = Assert.Throws<ImageFormatException>(() => PlatformSelector.Select(index, Platform.Parse("linux/amd64")));

        Assert.Contains("it offers: none declared.", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Arm_v7_request_is_not_served_by_an_arm_v6_image()
    {
        var index = new ImageIndex(MediaTypes.OciIndex, [ArmV6]);

        var thrown = Assert.Throws<ImageFormatException>(() => PlatformSelector.Select(index, Platform.Parse("linux/arm/v7")));

        Assert.Contains("it offers: linux/arm/v6.", thrown.Message, StringComparison.Ordinal);
    }
}
