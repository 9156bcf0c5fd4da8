using System.Runtime.InteropServices;
using k8s;
using Microsoft.Extensions.Logging;
using UnpackBench.Operator.Hosting;
using UnpackBench.Operator.Metrics;

// The operator: reconciles UnpackBenchmarks into agent pods, status and result ConfigMaps.
var (options, problems) = OperatorConfiguration.Read(args, Environment.GetEnvironmentVariable);
if (options is null)
{
    foreach (var problem in problems)
    {
        Console.Error.WriteLine($"error: {problem}");
    }

    return 2;
}

var (configuration, connectionProblem) = ClusterConnection.Configure(args, Environment.GetEnvironmentVariable, File.Exists);
if (configuration is null)
{
    Console.Error.WriteLine($"error: {connectionProblem}");
    return 2;
}

using var loggers = LoggerFactory.Create(b => b
    .AddJsonConsole(o =>
    {
        o.UseUtcTimestamp = true;
        o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
    })
    .SetMinimumLevel(LogLevel.Information));
var logger = loggers.CreateLogger("UnpackBench.Operator");

// SIGTERM (pod deletion, rollout) stops the controller cleanly, and OperatorHost releases the lease so another replica takes over at once.
using var shutdown = new CancellationTokenSource();
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
{
    c.Cancel = true;
    shutdown.Cancel();
});
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, c =>
{
    c.Cancel = true;
    shutdown.Cancel();
});

using var client = new Kubernetes(configuration);

var metrics = new OperatorMetrics();
var health = new HealthState();
await using var web = await OperatorWebServer.StartAsync(options, health, metrics.Registry, shutdown.Token);
logger.LogInformation("operator starting: agent image {Image}, namespace {Namespace}, leader election {LeaderElection}", options.AgentImage, options.WatchNamespace ?? "(all)", options.LeaderElection);
try
{
    await new OperatorHost(client, options, metrics, health, loggers, TimeProvider.System).RunAsync(shutdown.Token);
}
catch (Exception e) when (!shutdown.IsCancellationRequested)
{
    health.Fail();
    logger.LogError(e, "the operator stopped unexpectedly");
    return 1;
}

logger.LogInformation("operator stopped");
return 0;
