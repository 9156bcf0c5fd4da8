using System.Runtime.InteropServices;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// This machine's platform: generated images are built for it, because <c>ctr snapshots unpack</c> only
/// unpacks images whose config matches the platform ctr runs on.
/// </summary>
internal static class MachinePlatform
{
    /// <summary>linux/amd64, linux/arm64/v8 or linux/arm/v7.</summary>
    public static Platform Current => RuntimeInformation.OSArchitecture switch
    {
        Architecture.X64 => Platform.LinuxAmd64,
        Architecture.Arm64 => Platform.LinuxArm64,
        Architecture.Arm => Platform.LinuxArmV7,
        var other => throw new PlatformNotSupportedException($"no image platform for {other}; the benchmark runs on amd64, arm64 and arm"),
    };

    /// <summary>The architecture name, for cache keys.</summary>
    public static string ArchitectureName => Current.Architecture;
}
