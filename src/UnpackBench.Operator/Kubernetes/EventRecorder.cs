using System.Threading.Channels;
using k8s;
using k8s.Models;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Entities;
using UnpackBench.Operator.Reconciliation;

namespace UnpackBench.Operator.Kubernetes;

/// <summary>
/// Records Kubernetes Events about benchmarks (what <c>kubectl describe ub</c> shows). Events are best
/// effort, so they are sent in order by a background writer instead of holding up reconciles; a lost
/// event never fails a reconcile.
/// </summary>
internal sealed class EventRecorder : IAsyncDisposable
{
    private const string Component = "unpackbench-operator";
    private readonly IKubernetes _client;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Channel<Corev1Event> _pending = Channel.CreateBounded<Corev1Event>(new BoundedChannelOptions(10_000) { FullMode = BoundedChannelFullMode.DropOldest });
    private readonly Task _writer;

    /// <summary>Creates the recorder and starts its writer.</summary>
    public EventRecorder(IKubernetes client, TimeProvider time, ILogger logger)
    {
        _client = client;
        _time = time;
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>Queues the event.</summary>
    public void Record(V1Alpha1UnpackBenchmark benchmark, BenchmarkEvent benchmarkEvent)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        _pending.Writer.TryWrite(new Corev1Event
        {
            Metadata = new V1ObjectMeta
            {
                Name = $"{benchmark.Metadata.Name}.{now.Ticks:x}{Random.Shared.Next(0x1000):x3}",
                NamespaceProperty = benchmark.Metadata.NamespaceProperty,
            },
            InvolvedObject = new V1ObjectReference
            {
                ApiVersion = V1Alpha1UnpackBenchmark.ApiVersionValue,
                Kind = V1Alpha1UnpackBenchmark.KindName,
                Name = benchmark.Metadata.Name,
                NamespaceProperty = benchmark.Metadata.NamespaceProperty,
                Uid = benchmark.Metadata.Uid,
                ResourceVersion = benchmark.Metadata.ResourceVersion,
            },
            Type = benchmarkEvent.Type,
            Reason = benchmarkEvent.Reason,
            Message = benchmarkEvent.Message.Length > 1024 ? benchmarkEvent.Message[..1024] : benchmarkEvent.Message,
            Source = new V1EventSource { Component = Component },
            ReportingComponent = Component,
            FirstTimestamp = now,
            LastTimestamp = now,
            Count = 1,
        });
    }

    private async Task WriteAsync()
    {
        await foreach (var @event in _pending.Reader.ReadAllAsync())
        {
            try
            {
                await _client.CoreV1.CreateNamespacedEventAsync(@event, @event.Metadata.NamespaceProperty);
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException or IOException or TaskCanceledException)
            {
                _logger.LogWarning("could not record event {Reason} for {Name}: {Error}", @event.Reason, @event.InvolvedObject.Name, e.Message);
            }
        }
    }

    /// <summary>Sends what is queued (for up to a few seconds) and stops.</summary>
    public async ValueTask DisposeAsync()
    {
        _pending.Writer.TryComplete();
        await _writer.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }
}
