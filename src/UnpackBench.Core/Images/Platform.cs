namespace UnpackBench.Core.Images;

/// <summary>
/// An image platform, <c>os/architecture[/variant]</c>, normalised the way containerd normalises it
/// (<c>x86_64</c> is <c>amd64</c>, <c>aarch64</c> is <c>arm64</c>, and so on).
/// </summary>
public sealed record Platform(string Os, string Architecture, string Variant)
{
    private static readonly HashSet<string> KnownOperatingSystems =
        ["linux", "windows", "darwin", "freebsd", "netbsd", "openbsd", "solaris", "illumos", "aix", "plan9"];

    private static readonly HashSet<string> KnownArchitectures =
        ["amd64", "arm64", "arm", "386", "ppc64le", "ppc64", "s390x", "riscv64", "mips64le", "mips64", "mipsle", "mips", "loong64", "wasm"];

    /// <summary>Parses <c>os/arch[/variant]</c>, e.g. <c>linux/arm64</c> or <c>linux/arm/v7</c>.</summary>
    /// <exception cref="FormatException">The text is not a platform we know; the message lists the accepted forms.</exception>
    public static Platform Parse(string text)
    {
        var parts = text.Trim().ToLowerInvariant().Split('/');
        if (parts.Length is < 2 or > 3 || parts.Any(string.IsNullOrEmpty))
        {
            throw new FormatException($"platform '{text}' must look like os/architecture[/variant], e.g. linux/amd64 or linux/arm64/v8");
        }

        if (!KnownOperatingSystems.Contains(parts[0]))
        {
            throw new FormatException($"platform '{text}' names an unknown operating system '{parts[0]}'; use one of: {string.Join(", ", KnownOperatingSystems)}");
        }

        var (architecture, impliedVariant) = NormaliseArchitecture(parts[1]);
        if (!KnownArchitectures.Contains(architecture))
        {
            throw new FormatException($"platform '{text}' names an unknown architecture '{parts[1]}'; use one of: {string.Join(", ", KnownArchitectures)}");
        }

        var variant = parts.Length == 3 ? parts[2] : impliedVariant;
        return new Platform(parts[0], architecture, NormaliseVariant(architecture, variant));
    }

    /// <summary>
    /// The platform of a process running on <paramref name="architecture"/> under Linux,
    /// with architecture names as .NET reports them (<c>X64</c>, <c>Arm64</c>, …).
    /// </summary>
    public static Platform ForLinux(System.Runtime.InteropServices.Architecture architecture) => architecture switch
    {
        System.Runtime.InteropServices.Architecture.X64 => new("linux", "amd64", ""),
        System.Runtime.InteropServices.Architecture.Arm64 => new("linux", "arm64", "v8"),
        System.Runtime.InteropServices.Architecture.Arm => new("linux", "arm", "v7"),
        System.Runtime.InteropServices.Architecture.Armv6 => new("linux", "arm", "v6"),
        System.Runtime.InteropServices.Architecture.X86 => new("linux", "386", ""),
        System.Runtime.InteropServices.Architecture.S390x => new("linux", "s390x", ""),
        System.Runtime.InteropServices.Architecture.Ppc64le => new("linux", "ppc64le", ""),
        System.Runtime.InteropServices.Architecture.RiscV64 => new("linux", "riscv64", ""),
        System.Runtime.InteropServices.Architecture.LoongArch64 => new("linux", "loong64", ""),
        _ => new("linux", architecture.ToString().ToLowerInvariant(), ""),
    };

    /// <summary>
    /// Whether an image built for <paramref name="candidate"/> is what this platform asks for. A request
    /// without a variant accepts any variant of the architecture; the default variants (<c>arm64/v8</c>)
    /// equal no variant.
    /// </summary>
    public bool Accepts(Platform candidate)
    {
        if (!string.Equals(Os, candidate.Os, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var (architecture, implied) = NormaliseArchitecture(candidate.Architecture.ToLowerInvariant());
        if (architecture != Architecture)
        {
            return false;
        }

        var candidateVariant = NormaliseVariant(architecture, string.IsNullOrEmpty(candidate.Variant) ? implied : candidate.Variant.ToLowerInvariant());
        return Variant.Length == 0 || candidateVariant == Variant;
    }

    /// <inheritdoc />
    public override string ToString() => Variant.Length == 0 ? $"{Os}/{Architecture}" : $"{Os}/{Architecture}/{Variant}";

    private static (string Architecture, string Variant) NormaliseArchitecture(string architecture) => architecture switch
    {
        "x86_64" or "x86-64" => ("amd64", ""),
        "aarch64" => ("arm64", ""),
        "armhf" => ("arm", "v7"),
        "armel" => ("arm", "v6"),
        "i386" or "i686" => ("386", ""),
        _ => (architecture, ""),
    };

    // arm64's only variant is v8 and arm defaults to v7 (as in containerd's platforms.Normalize),
    // so those are spelled out to compare equal.
    private static string NormaliseVariant(string architecture, string variant) => (architecture, variant) switch
    {
        ("arm64", "" or "8" or "v8") => "v8",
        ("arm", "" or "7") => "v7",
        ("arm", "6") => "v6",
        ("arm", "5") => "v5",
        _ => variant,
    };
}
