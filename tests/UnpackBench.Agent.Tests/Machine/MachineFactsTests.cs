using UnpackBench.Agent.Machine;

namespace UnpackBench.Agent.Tests.Machine;

public sealed class MachineFactsTests
{
    // Trimmed from real machines; the x86 ones keep "model" (a number) before "model name".
    private const string AmdCpuInfo =
        "processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\nmodel name\t: AMD EPYC 7B13\nstepping\t: 0\ncpu MHz\t\t: 2450.000\n\n" +
        "processor\t: 1\nvendor_id\t: AuthenticAMD\ncpu family\t: 25\nmodel\t\t: 1\nmodel name\t: AMD EPYC 7B13\nstepping\t: 0\n";

    private const string IntelCpuInfo =
        "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\nmodel name\t: Intel(R) Xeon(R) CPU @ 2.20GHz\nflags\t\t: fpu vme de pse\n";

    private const string RaspberryPiCpuInfo =
        "processor\t: 0\nBogoMIPS\t: 108.00\nFeatures\t: fp asimd evtstrm crc32 cpuid\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x0\nCPU part\t: 0xd08\nCPU revision\t: 3\n\n" +
        "Hardware\t: BCM2835\nRevision\t: c03114\nSerial\t\t: 10000000abcdef01\nModel\t\t: Raspberry Pi 4 Model B Rev 1.4\n";

    private const string OlderArmCpuInfo =
        "processor\t: 0\nBogoMIPS\t: 38.40\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32\nCPU part\t: 0xd03\n\nHardware\t: Qualcomm Technologies, Inc SDM845\n";

    // An arm64 server (Graviton2): the kernel prints only the CPU part number, no name.
    private const string Arm64ServerCpuInfo =
        "processor\t: 0\nBogoMIPS\t: 243.75\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs\n" +
        "CPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n";

    [Theory]
    [InlineData("amd x86", AmdCpuInfo, "AMD EPYC 7B13")]
    [InlineData("intel x86", IntelCpuInfo, "Intel(R) Xeon(R) CPU @ 2.20GHz")]
    [InlineData("arm64 board: Model wins over Hardware", RaspberryPiCpuInfo, "Raspberry Pi 4 Model B Rev 1.4")]
    [InlineData("arm64 with Hardware only", OlderArmCpuInfo, "Qualcomm Technologies, Inc SDM845")]
    [InlineData("mips", "system type\t\t: MediaTek MT7621\ncpu model\t\t: MIPS 1004Kc V2.15\n", "MIPS 1004Kc V2.15")]
    [InlineData("arm64 server names no model", Arm64ServerCpuInfo, "unknown")]
    [InlineData("unreadable", "", "unknown")]
    public void Cpu_model_is_read_from_cpuinfo(string @case, string cpuInfo, string expected)
    {
        Assert.True(MachineFacts.CpuModel(cpuInfo) == expected, $"{@case}: {MachineFacts.CpuModel(cpuInfo)}");
    }

    [Theory]
    // 16303528 kB / 1024 = 15921.4 → 15921 MiB (python3 -c 'print(16303528 // 1024)')
    [InlineData("16 GB machine", "MemTotal:       16303528 kB\nMemFree:         9411084 kB\nMemAvailable:   13129740 kB\n", 15921L)]
    // 2041280 kB / 1024 = 1993.4 → 1993 MiB
    [InlineData("MemTotal not first", "Buffers:           10240 kB\nMemTotal:        2041280 kB\n", 1993L)]
    [InlineData("no MemTotal", "MemFree: 1024 kB\n", null)]
    [InlineData("unreadable", "", null)]
    public void Memory_is_memtotal_in_mebibytes(string @case, string memInfo, long? expected)
    {
        Assert.True(MachineFacts.MemoryMb(memInfo) == expected, $"{@case}: {MachineFacts.MemoryMb(memInfo)}");
    }

    // containerd reads CONTAINERD_DISABLE_PIGZ with Go's strconv.ParseBool and, when the value does
    // not parse, warns and keeps unpigz.
    [Theory]
    [InlineData("unpigz on PATH", null, true, "unpigz")]
    [InlineData("unpigz missing", null, false, "builtin")]
    [InlineData("disabled with 1", "1", true, "builtin")]
    [InlineData("disabled with true", "true", true, "builtin")]
    [InlineData("disabled with TRUE", "TRUE", true, "builtin")]
    [InlineData("disabled with t", "t", true, "builtin")]
    [InlineData("not disabled with 0", "0", true, "unpigz")]
    [InlineData("not disabled with false", "false", true, "unpigz")]
    [InlineData("unparsable value keeps unpigz", "yes", true, "unpigz")]
    [InlineData("disabled and missing", "1", false, "builtin")]
    public void Gzip_decompressor_follows_containerds_own_rule(string @case, string? disablePigz, bool unpigzOnPath, string expected)
    {
        var environment = new Dictionary<string, string> { ["PATH"] = "/opt/containerd/bin:/usr/bin" };
        if (disablePigz is not null)
        {
            environment["CONTAINERD_DISABLE_PIGZ"] = disablePigz;
        }

        Assert.True(MachineFacts.GzipDecompressor(environment, _ => unpigzOnPath) == expected, @case);
    }

    [Fact]
    public void Unpigz_is_looked_up_on_containerds_path_not_ours()
    {
        var searched = new List<string>();

        MachineFacts.GzipDecompressor(new Dictionary<string, string> { ["PATH"] = "/opt/containerd/bin" }, path =>
        {
            searched.Add(path);
            return true;
        });

        Assert.Equal(["/opt/containerd/bin"], searched);
    }

    [Fact]
    public void Containerd_without_path_finds_no_unpigz()
    {
        Assert.Equal("builtin", MachineFacts.GzipDecompressor(new Dictionary<string, string>(), path => path.Length > 0));
    }

    [Fact]
    public void Environ_is_split_on_nul_and_the_first_equals_sign()
    {
        var environment = MachineFacts.ParseEnviron("PATH=/usr/bin:/bin\0HOME=/root\0EMPTY=\0OPTS=--a=b --c=d\0NOEQUALS\0");

        Assert.Equal(
            new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = "/root", ["EMPTY"] = "", ["OPTS"] = "--a=b --c=d" },
            environment);
    }

    [Fact]
    public void Duplicate_variable_takes_the_first_value_as_getenv_does()
    {
        // glibc's getenv and Go's os.Getenv (which containerd uses) both return the first occurrence.
        var environment = MachineFacts.ParseEnviron("CONTAINERD_DISABLE_PIGZ=1\0PATH=/bin\0CONTAINERD_DISABLE_PIGZ=0\0");

        Assert.Equal("1", environment["CONTAINERD_DISABLE_PIGZ"]);
    }

    [Fact]
    public void Empty_environ_has_no_variables()
    {
        Assert.Empty(MachineFacts.ParseEnviron(""));
    }
}
