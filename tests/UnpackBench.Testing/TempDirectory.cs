namespace UnpackBench.Testing;

/// <summary>
/// A fresh directory under the system temp path that is deleted, with everything in it, on dispose.
/// </summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates <c>unpackbench-&lt;purpose&gt;-&lt;random&gt;</c> under <see cref="System.IO.Path.GetTempPath"/>.</summary>
    public TempDirectory(string purpose = "test")
    {
        var name = $"unpackbench-{purpose}-{Guid.NewGuid().ToString("N")[..12]}";
        Path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), name)).FullName;
    }

    /// <summary>The absolute path of the directory.</summary>
    public string Path { get; }

    /// <summary>Joins <paramref name="parts"/> onto <see cref="Path"/>; creates nothing.</summary>
    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Creates (if needed) a subdirectory and returns its path.</summary>
    public string CreateSubdirectory(string relativePath) =>
        Directory.CreateDirectory(Combine(relativePath)).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
