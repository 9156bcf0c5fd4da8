namespace UnpackBench.Testing.Images;

/// <summary>Permission bits written the way people read them: <c>UnixModes.FromOctal("4755")</c>.</summary>
public static class UnixModes
{
    /// <summary>rw-r--r--, the default for files.</summary>
    public const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;

    /// <summary>rwxr-xr-x, the default for directories and what containerd gives parents a layer leaves implicit.</summary>
    public const UnixFileMode Directory = File | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    /// <summary>rwxrwxrwx, what Linux reports for every symlink.</summary>
    public const UnixFileMode Symlink = (UnixFileMode)0x1FF;

    /// <summary>Every permission bit including setuid, setgid and sticky.</summary>
    public const UnixFileMode AllBits = (UnixFileMode)0xFFF;

    /// <summary>Parses an octal mode such as <c>"0644"</c> or <c>"4755"</c>.</summary>
    public static UnixFileMode FromOctal(string octal)
    {
        var value = Convert.ToInt32(octal, 8);
        if (value is < 0 or > 0xFFF)
        {
            throw new ArgumentOutOfRangeException(nameof(octal), octal, "A mode has at most four octal digits (07777).");
        }

        return (UnixFileMode)value;
    }

    /// <summary>Formats permission bits as four octal digits.</summary>
    public static string ToOctal(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
}
