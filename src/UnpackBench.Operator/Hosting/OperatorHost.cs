using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Metrics;

namespace UnpackBench.Operator.Hosting;

/// <summary>
/// Runs the controller — directly, or only while this replica holds the leader Lease, so two replicas
/// never both act. Losing the lease stops the controller at once; the replica then campaigns again
/// with fresh caches.
/// </summary>
public sealed class OperatorHost(IKubernetes client, OperatorOptions options, OperatorMetrics metrics, HealthState health, ILoggerFactory loggers, TimeProvider time)
{
    private readonly ILogger _logger = loggers.CreateLogger<OperatorHost>();

    /// <summary>Whether this replica is running the controller now.</summary>
    public bool IsLeading { get; private set; }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (!options.LeaderElection)
        {
            await LeadAsync(cancellationToken);
            return;
        }

        health.SetReady(true);
        var lease = new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity);
        while (!cancellationToken.IsCancellationRequested)
        {
            using var elector = new LeaderElector(new LeaderElectionConfig(lease)
            {
                LeaseDuration = TimeSpan.FromSeconds(15),
                RenewDeadline = TimeSpan.FromSeconds(10),
                RetryPeriod = TimeSpan.FromSeconds(2),
            });
            using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            Task? leading = null;
            elector.OnStartedLeading += () => leading = LeadAsync(term.Token);
            elector.OnStoppedLeading += () => term.Cancel();
            elector.OnNewLeader += leader => _logger.LogInformation("leader is now {Leader}", leader);
            try
            {
                await elector.RunUntilLeadershipLostAsync(cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutting down (SIGTERM): stop leading below and leave.
            }
            catch (Exception e) when (e is k8s.Autorest.HttpOperationException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                _logger.LogWarning("leader election failed ({Error}); trying again", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(2), time, cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }

            await term.CancelAsync();
            if (leading is not null)
            {
                await leading.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                _logger.LogWarning("leadership lost; the controller stopped");
            }
        }
    }

    private async Task LeadAsync(CancellationToken cancellationToken)
    {
        IsLeading = true;
        _logger.LogInformation("{Identity} leads: starting the controller", options.Identity);
        await using var controller = new BenchmarkController(client, options, metrics, loggers, time);
        _ = controller.Synced.ContinueWith(_ => health.SetReady(true), TaskScheduler.Default);
        try
        {
            await controller.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            IsLeading = false;
        }
    }
}
