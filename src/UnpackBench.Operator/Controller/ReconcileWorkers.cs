using k8s.Autorest;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Metrics;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// The worker loop: takes keys from the <see cref="WorkQueue"/> and reconciles them, requeues them when
/// asked, and retries failures with the queue's per-key backoff. A bug with one benchmark never stops
/// the others.
/// </summary>
internal sealed class ReconcileWorkers(WorkQueue queue, BenchmarkReconcileHandler handler, OperatorMetrics metrics, ILogger logger)
{
    /// <summary>Runs <paramref name="count"/> workers until cancelled.</summary>
    public Task RunAsync(int count, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, count).Select(_ => WorkAsync(cancellationToken)));

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            string key;
            try
            {
                key = await queue.TakeAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await ProcessAsync(key, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task ProcessAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            using (metrics.TimeReconcile())
            {
                var requeue = await handler.ReconcileAsync(key, () => queue.Add(key), cancellationToken);
                queue.Forget(key);
                if (requeue is { } after)
                {
                    queue.AddAfter(key, after);
                }
            }
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is HttpOperationException or HttpRequestException or IOException or InvalidOperationException)
        {
            metrics.ReconcileFailed();
            var conflict = e is HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.Conflict or System.Net.HttpStatusCode.UnprocessableEntity };
            logger.Log(conflict ? LogLevel.Debug : LogLevel.Warning, "reconciling {Key} failed ({Error}); retrying with backoff", key, e.Message);
            queue.AddRateLimited(key);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            metrics.ReconcileFailed();
            logger.LogError(e, "reconciling {Key} failed unexpectedly; retrying with backoff", key);
            queue.AddRateLimited(key);
        }
    }
}
