namespace UnpackBench.Agent.Containerd;

/// <summary>
/// containerd's output: every line goes to the log file under the root, and the last lines are
/// kept in memory so an error can quote them.
/// </summary>
internal sealed class ContainerdLog : IDisposable
{
    private const int TailLines = 15;
    private readonly Queue<string> _tail = new();
    private readonly StreamWriter _file;
    private readonly Lock _lock = new();

    /// <summary>Opens (truncates) the log file.</summary>
    public ContainerdLog(string path)
    {
        _file = new StreamWriter(path, append: false) { AutoFlush = true };
    }

    /// <summary>Records one line of containerd's output.</summary>
    public void Append(string line)
    {
        lock (_lock)
        {
            _file.WriteLine(line);
            _tail.Enqueue(line);
            while (_tail.Count > TailLines)
            {
                _tail.Dequeue();
            }
        }
    }

    /// <summary>The last lines, indented for quoting in an error message.</summary>
    public string Tail()
    {
        lock (_lock)
        {
            return _tail.Count == 0 ? "  (containerd logged nothing)" : string.Join(Environment.NewLine, _tail.Select(l => "  " + l));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_lock)
        {
            _file.Dispose();
        }
    }
}
