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
    private bool _reportedMissingNamespace;

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
            elector.OnError += ReportElectionError;
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
                if (cancellationToken.IsCancellationRequested)
                {
                    var failed = await LeaseRelease.ReleaseAsync(lease, options.Identity, time);
                    _logger.Log(failed is null ? LogLevel.Information : LogLevel.Warning, "stopped leading; {Outcome}", failed is null ? "the lease is released" : $"releasing the lease failed ({failed}); another replica takes over when it expires");
                    return;
                }

                _logger.LogWarning("leadership lost; the controller stopped");
            }
        }
    }

    // A Lease cannot be created in a namespace that does not exist: say so once, clearly, and stay
    // unready; the elector keeps trying in case the namespace appears.
    private void ReportElectionError(Exception e)
    {
        if (e is k8s.Autorest.HttpOperationException { Response.StatusCode: System.Net.HttpStatusCode.NotFound } http && NamesMissingNamespace(http.Response.Content))
        {
            health.SetReady(false);
            if (!_reportedMissingNamespace)
            {
                _reportedMissingNamespace = true;
                _logger.LogError(
                    "the lease namespace {Namespace} does not exist, so no replica can lead; set --lease-namespace (or POD_NAMESPACE) to the operator's namespace or create {Namespace}",
                    options.LeaseNamespace,
                    options.LeaseNamespace);
            }

            return;
        }

        _logger.LogDebug("leader election: {Error}", e.Message);
    }

    private static bool NamesMissingNamespace(string? content)
    {
        try
        {
            return content is { Length: > 0 } && k8s.KubernetesJson.Deserialize<k8s.Models.V1Status>(content)?.Details?.Kind == "namespaces";
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
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
