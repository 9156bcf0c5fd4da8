using System.Globalization;
using System.Text;
using UnpackBench.Testing.Images;

namespace UnpackBench.Bench.Generation;

/// <summary>
/// Plans the entries of one generated layer: files of every <see cref="FileSizeClass"/> until their byte share
/// of the layer is reached, shuffled into package directories of 5–60 files, with versioned shared-object
/// symlinks (<c>libx.so.1 → libx.so.1.2.3</c>) and a directory symlink, parents always before children.
/// The plan holds only metadata; content is generated while the layer is written.
/// </summary>
internal static class LayerPlanner
{
    private const UnixFileMode DirectoryMode = UnixModes.Directory;
    private const UnixFileMode FileMode = UnixModes.File;
    private const UnixFileMode ExecutableMode = UnixModes.Directory;
    private const UnixFileMode SymlinkMode = UnixModes.Symlink;

    /// <summary>The entries of layer <paramref name="index"/> of <paramref name="shape"/>, in tar order.</summary>
    public static List<PlannedEntry> Plan(LargeImageShape shape, int index)
    {
        var random = new Random(shape.Seed * 1000 + index);
        var files = DrawFiles(shape.LayerBytes(index), random);
        var root = LargeImageShape.LayerRoot(index);
        var entries = new List<PlannedEntry>(files.Count + (files.Count / 8));
        var directories = new HashSet<string>(StringComparer.Ordinal);
        var layerSeed = SplitMix64.Mix(((ulong)(uint)shape.Seed << 32) | (uint)index);
        var next = 0;
        string? firstPackage = null;
        for (var package = 0; next < files.Count; package++)
        {
            var packageName = $"{Word(random)}-{package.ToString(CultureInfo.InvariantCulture)}";
            firstPackage ??= packageName;
            var directory = $"{root}/{packageName}";
            if (random.Next(3) == 0)
            {
                directory += "/" + Word(random);
            }

            AddDirectory(directory, entries, directories);
            var count = Math.Min(5 + random.Next(56), files.Count - next);
            for (var i = 0; i < count; i++, next++)
            {
                AddFile(directory, files[next], SplitMix64.Mix(layerSeed + (ulong)next), random, entries);
            }
        }

        // A directory symlink, as distributions have (lib64 → lib, current → a version directory).
        entries.Add(new PlannedEntry(PlannedKind.Symlink, $"{root}/current", SymlinkMode, LinkTarget: firstPackage));
        return entries;
    }

    private static List<(long Size, FileSizeClass Class)> DrawFiles(long layerBytes, Random random)
    {
        var files = new List<(long, FileSizeClass)>();
        foreach (var sizeClass in FileSizeClass.Typical)
        {
            var remaining = (long)(layerBytes * sizeClass.ByteShare);
            while (remaining > 0)
            {
                var size = Math.Min(sizeClass.Draw(random), remaining);
                files.Add((size, sizeClass));
                remaining -= size;
            }
        }

        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(files));
        return files;
    }

    private static void AddDirectory(string path, List<PlannedEntry> entries, HashSet<string> directories)
    {
        var slash = path.LastIndexOf('/');
        if (slash > 0)
        {
            AddDirectory(path[..slash], entries, directories);
        }

        if (directories.Add(path))
        {
            entries.Add(new PlannedEntry(PlannedKind.Directory, path, DirectoryMode));
        }
    }

    private static void AddFile(string directory, (long Size, FileSizeClass Class) file, ulong seed, Random random, List<PlannedEntry> entries)
    {
        var extension = file.Class.Extensions[random.Next(file.Class.Extensions.Length)];
        var stem = Word(random) + seed.ToString("x", CultureInfo.InvariantCulture)[..6];
        if (extension == ".so" && random.Next(2) == 0)
        {
            var major = random.Next(1, 9).ToString(CultureInfo.InvariantCulture);
            var name = $"lib{stem}.so.{major}.{random.Next(20)}.{random.Next(10)}";
            entries.Add(new PlannedEntry(PlannedKind.File, $"{directory}/{name}", ExecutableMode, file.Size, seed, file.Class.Mix));
            entries.Add(new PlannedEntry(PlannedKind.Symlink, $"{directory}/lib{stem}.so.{major}", SymlinkMode, LinkTarget: name));
            return;
        }

        var mode = extension is ".so" or ".bin" or ".sh" ? ExecutableMode : FileMode;
        entries.Add(new PlannedEntry(PlannedKind.File, $"{directory}/{stem}{extension}", mode, file.Size, seed, file.Class.Mix));
    }

    private static string Word(Random random)
    {
        const string consonants = "bcdfghklmnprstvz";
        const string vowels = "aeiou";
        var word = new StringBuilder();
        for (var syllables = 1 + random.Next(3); syllables > 0; syllables--)
        {
            word.Append(consonants[random.Next(consonants.Length)]).Append(vowels[random.Next(vowels.Length)]);
        }

        return word.ToString();
    }
}
