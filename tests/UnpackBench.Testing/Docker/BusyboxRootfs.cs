using System.Buffers.Binary;
using System.Formats.Tar;

namespace UnpackBench.Testing.Docker;

/// <summary>
/// The smallest useful container image: a root filesystem holding a static busybox (Debian's
/// <c>busybox-static</c>) and the applet links the tests run (<c>sh</c>, <c>sleep</c>), as a tar for
/// <c>docker import</c>. No registry or base image is needed.
/// </summary>
public static class BusyboxRootfs
{
    private const string Install = "apt-get install -y busybox-static";
    private static readonly string[] Applets = ["sh", "sleep"];

    /// <summary>
    /// Finds a statically linked busybox: a dynamically linked one (Debian's <c>busybox</c> package)
    /// cannot run in an image without a C library.
    /// </summary>
    public static string RequireStaticBusybox()
    {
        var busybox = Prerequisites.FindOnPath("busybox") ?? Prerequisites.FindOnPath("/bin/busybox")
            ?? throw new MissingPrerequisiteException($"'busybox' was not found, and the Docker tests build their image from a static busybox. Install it with: {Install}");
        return IsStaticElf(busybox)
            ? busybox
            : throw new MissingPrerequisiteException($"{busybox} is dynamically linked and cannot run in an image without a C library. Install the static one with: {Install}");
    }

    /// <summary>The rootfs tar: <c>bin/busybox</c> (mode 0755) and symbolic links to it.</summary>
    public static byte[] Build(string busybox)
    {
        using var buffer = new MemoryStream();
        using (var tar = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            tar.WriteEntry(new PaxTarEntry(TarEntryType.Directory, "bin/") { Mode = Executable });
            using (var content = File.OpenRead(busybox))
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "bin/busybox") { Mode = Executable, DataStream = content });
            }

            foreach (var applet in Applets)
            {
                tar.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, $"bin/{applet}") { LinkName = "busybox", Mode = Executable });
            }
        }

        return buffer.ToArray();
    }

    private static UnixFileMode Executable =>
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    // A 64-bit little-endian ELF file is dynamically linked when a program header is PT_INTERP (3).
    private static bool IsStaticElf(string path)
    {
        using var file = File.OpenRead(path);
        var header = new byte[64];
        file.ReadExactly(header);
        if (header[0] != 0x7f || header[1] != (byte)'E' || header[4] != 2 || header[5] != 1)
        {
            return true; // not something this check understands; let the container run tell
        }

        var tableOffset = BinaryPrimitives.ReadInt64LittleEndian(header.AsSpan(0x20));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x36));
        var entries = BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(0x38));
        var type = new byte[4];
        for (var i = 0; i < entries; i++)
        {
            file.Position = tableOffset + (long)i * entrySize;
            file.ReadExactly(type);
            if (BinaryPrimitives.ReadUInt32LittleEndian(type) == 3)
            {
                return false;
            }
        }

        return true;
    }
}
