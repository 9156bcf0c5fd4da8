namespace UnpackBench.Agent.Machine;

/// <summary>One mount of the mount table.</summary>
/// <param name="MountPoint">Where it is mounted.</param>
/// <param name="FileSystem">Its filesystem type (ext4, xfs, overlay, …).</param>
/// <param name="Device">Its device number, <c>major:minor</c>, as sysfs names block devices.</param>
internal sealed record Mount(string MountPoint, string FileSystem, string Device);
