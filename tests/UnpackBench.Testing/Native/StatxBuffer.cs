using System.Runtime.InteropServices;

namespace UnpackBench.Testing.Native;

/// <summary>The fields of <c>struct statx</c> (linux/stat.h) that the tests read; 256 bytes in all.</summary>
[StructLayout(LayoutKind.Explicit, Size = 256)]
internal struct StatxBuffer
{
    [FieldOffset(16)]
    public uint NumberOfLinks;

    [FieldOffset(20)]
    public uint Uid;

    [FieldOffset(24)]
    public uint Gid;

    [FieldOffset(28)]
    public ushort Mode;

    [FieldOffset(32)]
    public ulong Inode;

    [FieldOffset(40)]
    public ulong Size;

    // For character and block devices: the device the file stands for (stx_rdev_*).
    [FieldOffset(128)]
    public uint SpecialDeviceMajor;

    [FieldOffset(132)]
    public uint SpecialDeviceMinor;

    // The device of the filesystem holding the file (stx_dev_*).
    [FieldOffset(136)]
    public uint DeviceMajor;

    [FieldOffset(140)]
    public uint DeviceMinor;
}
