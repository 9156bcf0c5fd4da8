using k8s;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Hosting;
using UnpackBench.Operator.Metrics;

namespace UnpackBench.Operator.Tests.Integration.Support;

/// <summary>An operator running in-process until stopped (as a pod would until killed or rolled).</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly ILoggerFactory _loggers;

    private RunningOperator(OperatorHost host, OperatorMetrics metrics, ILoggerFactory loggers)
    {
        Host = host;
        Metrics = metrics;
        _loggers = loggers;
    }

    public OperatorHost Host { get; }

    public OperatorMetrics Metrics { get; }

    public Task Running { get; private set; } = Task.CompletedTask;

    public static RunningOperator Start(IKubernetes client, OperatorOptions options, ILoggerFactory loggers)
    {
        var metrics = new OperatorMetrics();
        var running = new RunningOperator(new OperatorHost(client, options, metrics, new HealthState(), loggers, TimeProvider.System), metrics, loggers);
        running.Running = Task.Run(() => running.Host.RunAsync(running._stop.Token));
        return running;
    }

    /// <summary>Stops it as SIGTERM would.</summary>
    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await Running.WaitAsync(TimeSpan.FromSeconds(30));
    }

    /// <summary>The metrics as Prometheus would scrape them.</summary>
    public async Task<string> ScrapeAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.Registry.CollectAndExportAsTextAsync(stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await Running.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
        _loggers.Dispose();
    }
}
