using System.Text;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// A container's output as the runtime keeps it: stdout and stderr interleaved line by line in the order
/// they arrived, readable while it grows, complete once the container has exited.
/// </summary>
internal sealed class ContainerLog
{
    private readonly Lock _gate = new();
    private readonly List<byte[]> _lines = [];
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _complete;

    /// <summary>Adds one line (without its newline).</summary>
    public void Append(string line)
    {
        var bytes = Encoding.UTF8.GetBytes(line + "\n");
        lock (_gate)
        {
            if (_complete)
            {
                return;
            }

            _lines.Add(bytes);
            Changed();
        }
    }

    /// <summary>No more lines will come; followers reach the end.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _complete = true;
            Changed();
        }
    }

    /// <summary>The whole log as text.</summary>
    public string Text
    {
        get
        {
            lock (_gate)
            {
                return string.Concat(_lines.Select(line => Encoding.UTF8.GetString(line)));
            }
        }
    }

    /// <summary>
    /// A stream of the log: up to its current end, or (<paramref name="follow"/>) on through new lines until
    /// the log is complete.
    /// </summary>
    public Stream Open(bool follow)
    {
        lock (_gate)
        {
            return new ContainerLogStream(this, follow ? null : _lines.Count);
        }
    }

    /// <summary>Line <paramref name="index"/> if it exists; otherwise whether the log is complete and a task that completes on the next change.</summary>
    public (byte[]? Line, bool Complete, Task Changed) Read(int index)
    {
        lock (_gate)
        {
            return index < _lines.Count ? (_lines[index], _complete, _changed.Task) : (null, _complete, _changed.Task);
        }
    }

    private void Changed()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }
}
