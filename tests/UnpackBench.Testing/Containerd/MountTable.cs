using System.Text;
using UnpackBench.Testing.Native;

namespace UnpackBench.Testing.Containerd;

/// <summary>Reads <c>/proc/self/mountinfo</c> and removes mounts a test left behind.</summary>
public static class MountTable
{
    /// <summary>Mount points at or below <paramref name="directory"/>, deepest first.</summary>
    public static IReadOnlyList<string> MountPointsBelow(string directory)
    {
        var root = Path.GetFullPath(directory).TrimEnd('/');
        return [.. File.ReadLines("/proc/self/mountinfo")
            .Select(line => Unescape(line.Split(' ')[4]))
            .Where(mountPoint => mountPoint == root || mountPoint.StartsWith(root + "/", StringComparison.Ordinal))
            .Distinct()
            .OrderByDescending(mountPoint => mountPoint.Length)];
    }

    /// <summary>Lazily unmounts everything at or below <paramref name="directory"/>.</summary>
    public static void UnmountAllBelow(string directory)
    {
        foreach (var mountPoint in MountPointsBelow(directory))
        {
            LibC.UnmountDetached(mountPoint);
        }
    }

    // mountinfo escapes space, tab, newline and backslash as \ooo octal.
    private static string Unescape(string field)
    {
        if (!field.Contains('\\', StringComparison.Ordinal))
        {
            return field;
        }

        var builder = new StringBuilder(field.Length);
        for (var i = 0; i < field.Length; i++)
        {
            if (field[i] == '\\' && i + 3 < field.Length)
            {
                builder.Append((char)Convert.ToInt32(field.Substring(i + 1, 3), 8));
                i += 3;
            }
            else
            {
                builder.Append(field[i]);
            }
        }

        return builder.ToString();
    }
}
