using System.Runtime.Versioning;

// The agent drives containerd, cgroups and mount(2): it only exists on Linux.
[assembly: SupportedOSPlatform("linux")]
