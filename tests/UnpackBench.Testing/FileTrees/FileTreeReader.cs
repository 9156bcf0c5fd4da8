using UnpackBench.Testing.Images;
using UnpackBench.Testing.Native;

namespace UnpackBench.Testing.FileTrees;

/// <summary>
/// Reads a directory on disk into a <see cref="FileTree"/>: lstat (statx) for kind, mode, owner, size and inode,
/// SHA-256 of each file, symlink targets, and hard-link groups from equal (device, inode) pairs.
/// Meant for merged views such as a mounted image rootfs; an unmerged overlay upper directory shows whiteouts as
/// char 0/0 devices, which appear here as <see cref="FileKind.Other"/> entries an expected tree never has.
/// </summary>
public static class FileTreeReader
{
    private const int TypeMask = 0xF000;
    private const int TypeDirectory = 0x4000;
    private const int TypeRegular = 0x8000;
    private const int TypeSymlink = 0xA000;

    /// <summary>Reads everything below <paramref name="root"/> (the root itself is not an entry).</summary>
    public static FileTree Read(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DirectoryNotFoundException($"cannot read the file tree at {root}: it is not a directory.");
        }

        var entries = new List<FileTreeEntry>();
        var inodes = new Dictionary<(uint Major, uint Minor, ulong Inode), List<string>>();
        Walk(root, string.Empty, entries, inodes);
        return new FileTree(entries, inodes.Values);
    }

    private static void Walk(
        string directory,
        string relativeDirectory,
        List<FileTreeEntry> entries,
        Dictionary<(uint, uint, ulong), List<string>> inodes)
    {
        foreach (var fullPath in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
        {
            var relativePath = LayerPath.Join(relativeDirectory, Path.GetFileName(fullPath));
            var stat = LibC.LStat(fullPath);
            var mode = (UnixFileMode)(stat.Mode & 0xFFF);
            var (uid, gid) = ((int)stat.Uid, (int)stat.Gid);
            switch (stat.Mode & TypeMask)
            {
                case TypeDirectory:
                    entries.Add(new FileTreeEntry(relativePath, FileKind.Directory, mode, uid, gid));
                    Walk(fullPath, relativePath, entries, inodes);
                    continue;
                case TypeRegular:
                    entries.Add(new FileTreeEntry(relativePath, FileKind.File, mode, uid, gid, (long)stat.Size, ContentDigest.OfFile(fullPath)));
                    break;
                case TypeSymlink:
                    var target = new FileInfo(fullPath).LinkTarget;
                    entries.Add(new FileTreeEntry(relativePath, FileKind.Symlink, mode, uid, gid, LinkTarget: target));
                    break;
                default:
                    entries.Add(new FileTreeEntry(relativePath, FileKind.Other, mode, uid, gid));
                    break;
            }

            var key = (stat.DeviceMajor, stat.DeviceMinor, stat.Inode);
            if (!inodes.TryGetValue(key, out var paths))
            {
                inodes[key] = paths = [];
            }

            paths.Add(relativePath);
        }
    }
}
