namespace UnpackBench.Agent.Images.Archive;

/// <summary>
/// Entry names inside a tar as the index keys them: relative, without <c>./</c> or leading <c>/</c>, and
/// with <c>.</c> and <c>..</c> collapsed, so <c>./index.json</c> and <c>index.json</c>, or a link to
/// <c>../abc/layer.tar</c> and the file <c>abc/layer.tar</c>, are the same name.
/// </summary>
internal static class TarEntryName
{
    /// <summary>The normal form of <paramref name="name"/>.</summary>
    public static string Normalise(string name)
    {
        var parts = new List<string>();
        foreach (var part in name.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }

        return string.Join('/', parts);
    }

    /// <summary>
    /// The entry a symbolic link called <paramref name="linkName"/> points at: <paramref name="target"/> is
    /// relative to the link's directory unless it starts with <c>/</c> (then relative to the archive's root).
    /// </summary>
    public static string ResolveLink(string linkName, string target)
    {
        if (target.StartsWith('/'))
        {
            return Normalise(target);
        }

        var slash = linkName.LastIndexOf('/');
        return Normalise(slash < 0 ? target : linkName[..(slash + 1)] + target);
    }
}
