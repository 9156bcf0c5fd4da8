using System.Formats.Tar;

namespace UnpackBench.Agent.Prediction;

/// <summary>Counts a layer's tar entries by kind, as containerd's applier will create them.</summary>
internal sealed class TarEntryTally
{
    private const string WhiteoutPrefix = ".wh.";

    /// <summary>Regular files, whiteout markers excluded.</summary>
    public long Files { get; private set; }

    /// <summary>Bytes of regular-file content.</summary>
    public long FileBytes { get; private set; }

    /// <summary>Directories.</summary>
    public long Directories { get; private set; }

    /// <summary>Symbolic links.</summary>
    public long Symlinks { get; private set; }

    /// <summary>Hard links.</summary>
    public long Hardlinks { get; private set; }

    /// <summary>Whiteout and opaque markers.</summary>
    public long Whiteouts { get; private set; }

    /// <summary>Devices and FIFOs.</summary>
    public long OtherEntries { get; private set; }

    /// <summary>The deepest entry's number of path components.</summary>
    public int MaxDepth { get; private set; }

    /// <summary>The directories above every entry, summed.</summary>
    public long PathComponents { get; private set; }

    /// <summary>Counts one entry.</summary>
    public void Add(TarEntry entry)
    {
        var components = entry.Name.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(c => c != ".").ToList();
        MaxDepth = Math.Max(MaxDepth, components.Count);
        PathComponents += Math.Max(0, components.Count - 1);
        switch (entry.EntryType)
        {
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.SparseFile
                when components.Count > 0 && components[^1].StartsWith(WhiteoutPrefix, StringComparison.Ordinal):
                Whiteouts++;
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile or TarEntryType.SparseFile:
                Files++;
                FileBytes += entry.Length;
                break;
            case TarEntryType.Directory:
                Directories++;
                break;
            case TarEntryType.SymbolicLink:
                Symlinks++;
                break;
            case TarEntryType.HardLink:
                Hardlinks++;
                break;
            default:
                OtherEntries++;
                break;
        }
    }
}
