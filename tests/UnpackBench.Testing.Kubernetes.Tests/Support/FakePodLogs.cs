using System.IO.Pipelines;
using System.Text;

namespace UnpackBench.Testing.Kubernetes.Tests.Support;

/// <summary>Logs held in memory; a followed log streams what <see cref="Append"/> adds until <see cref="End"/>.</summary>
internal sealed class FakePodLogs : IPodLogSource
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, StringBuilder> _logs = [];
    private readonly List<(string Key, Pipe Pipe)> _followers = [];
    private readonly TaskCompletionSource _followed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a client starts following a log.</summary>
    public Task Followed => _followed.Task;

    public void Append(string @namespace, string pod, string container, string text)
    {
        var key = Key(@namespace, pod, container);
        List<Pipe> pipes;
        lock (_gate)
        {
            if (!_logs.TryGetValue(key, out var log))
            {
                _logs[key] = log = new StringBuilder();
            }

            log.Append(text);
            pipes = _followers.Where(f => f.Key == key).Select(f => f.Pipe).ToList();
        }

        foreach (var pipe in pipes)
        {
            pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text)).AsTask().GetAwaiter().GetResult();
        }
    }

    public void End()
    {
        lock (_gate)
        {
            foreach (var (_, pipe) in _followers)
            {
                pipe.Writer.Complete();
            }
        }
    }

    public async Task<Stream?> OpenAsync(string @namespace, string pod, string? container, bool follow, CancellationToken cancellationToken)
    {
        var key = Key(@namespace, pod, container ?? "");
        string text;
        lock (_gate)
        {
            if (!_logs.TryGetValue(key, out var log))
            {
                return null;
            }

            text = log.ToString();
            if (!follow)
            {
                return new MemoryStream(Encoding.UTF8.GetBytes(text));
            }
        }

        var pipe = new Pipe();
        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        lock (_gate)
        {
            _followers.Add((key, pipe));
        }

        _followed.TrySetResult();
        return pipe.Reader.AsStream();
    }

    private static string Key(string @namespace, string pod, string container) => $"{@namespace}/{pod}/{container}";
}
