using UnpackBench.Core.Images;
using RuntimeArchitecture = System.Runtime.InteropServices.Architecture;

namespace UnpackBench.Core.Tests.Images;

public sealed class PlatformTests
{
    // Expected normalisations follow containerd's platforms.Parse/Normalize: x86_64 is amd64,
    // aarch64 is arm64, arm64's only variant is v8 and a bare arm means arm/v7.
    [Theory]
    [InlineData("amd64", "linux/amd64", "linux", "amd64", "")]
    [InlineData("arm64 implies v8", "linux/arm64", "linux", "arm64", "v8")]
    [InlineData("arm64 with v8 spelled out", "linux/arm64/v8", "linux", "arm64", "v8")]
    [InlineData("arm64 with bare 8", "linux/arm64/8", "linux", "arm64", "v8")]
    [InlineData("bare arm defaults to v7", "linux/arm", "linux", "arm", "v7")]
    [InlineData("arm v7", "linux/arm/v7", "linux", "arm", "v7")]
    [InlineData("arm with bare 7", "linux/arm/7", "linux", "arm", "v7")]
    [InlineData("arm v6", "linux/arm/v6", "linux", "arm", "v6")]
    [InlineData("x86_64 alias", "linux/x86_64", "linux", "amd64", "")]
    [InlineData("aarch64 alias", "linux/aarch64", "linux", "arm64", "v8")]
    [InlineData("armhf alias", "linux/armhf", "linux", "arm", "v7")]
    [InlineData("i386 alias", "linux/i386", "linux", "386", "")]
    [InlineData("upper case", "LINUX/AMD64", "linux", "amd64", "")]
    [InlineData("surrounding whitespace", " linux/s390x ", "linux", "s390x", "")]
    [InlineData("another operating system", "windows/amd64", "windows", "amd64", "")]
    public void Platform_text_parses_and_normalises(string @case, string text, string os, string architecture, string variant)
    {
        Assert.True(Platform.Parse(text) == new Platform(os, architecture, variant), $"{@case}: {Platform.Parse(text)}");
    }

    [Theory]
    [InlineData("os only", "linux", "must look like os/architecture")]
    [InlineData("empty architecture", "linux/", "must look like os/architecture")]
    [InlineData("empty os", "/amd64", "must look like os/architecture")]
    [InlineData("empty variant", "linux/arm/", "must look like os/architecture")]
    [InlineData("four parts", "a/b/c/d", "must look like os/architecture")]
    [InlineData("empty", "", "must look like os/architecture")]
    [InlineData("unknown os", "foo/amd64", "unknown operating system 'foo'")]
    [InlineData("unknown architecture", "linux/sparc9", "unknown architecture 'sparc9'")]
    public void Malformed_platform_is_rejected_saying_what_is_wrong(string @case, string text, string reason)
    {
        var thrown = Assert.Throws<FormatException>(() => Platform.Parse(text));

        Assert.True(thrown.Message.Contains(reason, StringComparison.Ordinal), $"{@case}: {thrown.Message}");
    }

    [Theory]
    [InlineData("amd64", "linux/amd64")]
    [InlineData("arm64 shows its variant", "linux/arm64/v8")]
    [InlineData("arm v6", "linux/arm/v6")]
    public void Parsed_platform_prints_as_os_architecture_variant(string @case, string text)
    {
        Assert.True(Platform.Parse(text).ToString() == text, @case);
    }

    [Theory]
    [InlineData("arm64 request, candidate without variant", "linux/arm64", "linux", "arm64", "", true)]
    [InlineData("arm64 request, candidate arm64/v8", "linux/arm64", "linux", "arm64", "v8", true)]
    [InlineData("arm64/v8 request, candidate without variant", "linux/arm64/v8", "linux", "arm64", "", true)]
    [InlineData("arm64 request, candidate aarch64", "linux/arm64", "linux", "aarch64", "", true)]
    [InlineData("arm/v7 request, candidate arm/v7", "linux/arm/v7", "linux", "arm", "v7", true)]
    [InlineData("arm/v7 request, candidate arm/v6", "linux/arm/v7", "linux", "arm", "v6", false)]
    [InlineData("arm/v6 request, candidate arm/v7", "linux/arm/v6", "linux", "arm", "v7", false)]
    [InlineData("arm/v7 request, candidate arm without variant", "linux/arm/v7", "linux", "arm", "", true)]
    [InlineData("arm/v7 request, candidate armhf", "linux/arm/v7", "linux", "armhf", "", true)]
    [InlineData("amd64 request, candidate x86_64", "linux/amd64", "linux", "x86_64", "", true)]
    [InlineData("amd64 request, candidate amd64/v3", "linux/amd64", "linux", "amd64", "v3", true)]
    [InlineData("os differs", "linux/amd64", "windows", "amd64", "", false)]
    [InlineData("os in upper case", "linux/amd64", "Linux", "amd64", "", true)]
    [InlineData("architecture differs", "linux/amd64", "linux", "arm64", "", false)]
    [InlineData("attestation entry", "linux/amd64", "unknown", "unknown", "", false)]
    public void Request_accepts_candidates_of_its_platform(string @case, string request, string os, string architecture, string variant, bool accepted)
    {
        Assert.True(Platform.Parse(request).Accepts(new Platform(os, architecture, variant)) == accepted, @case);
    }

    [Theory]
    [InlineData("arm v5", "v5")]
    [InlineData("arm v6", "v6")]
    [InlineData("arm v7", "v7")]
    [InlineData("arm without variant", "")]
    public void Request_without_variant_accepts_any_variant(string @case, string candidateVariant)
    {
        var request = new Platform("linux", "arm", "");

        Assert.True(request.Accepts(new Platform("linux", "arm", candidateVariant)), @case);
    }

    [Theory]
    [InlineData(RuntimeArchitecture.X64, "linux/amd64")]
    [InlineData(RuntimeArchitecture.Arm64, "linux/arm64/v8")]
    [InlineData(RuntimeArchitecture.Arm, "linux/arm/v7")]
    [InlineData(RuntimeArchitecture.Armv6, "linux/arm/v6")]
    [InlineData(RuntimeArchitecture.X86, "linux/386")]
    [InlineData(RuntimeArchitecture.S390x, "linux/s390x")]
    [InlineData(RuntimeArchitecture.Ppc64le, "linux/ppc64le")]
    [InlineData(RuntimeArchitecture.RiscV64, "linux/riscv64")]
    [InlineData(RuntimeArchitecture.LoongArch64, "linux/loong64")]
    public void Machine_architecture_maps_to_the_image_platform_name(RuntimeArchitecture architecture, string expected)
    {
        Assert.Equal(expected, Platform.ForLinux(architecture).ToString());
    }

    public static TheoryData<RuntimeArchitecture> AllArchitectures => new(Enum.GetValues<RuntimeArchitecture>());

    [Theory]
    [MemberData(nameof(AllArchitectures))]
    public void Machine_platform_is_one_that_parsing_accepts_and_reproduces(RuntimeArchitecture architecture)
    {
        var machine = Platform.ForLinux(architecture);

        Assert.Equal(machine, Platform.Parse(machine.ToString()));
    }
}
