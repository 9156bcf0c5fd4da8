using k8s;
using k8s.Models;

namespace UnpackBench.Testing.Kubernetes.Node;

/// <summary>
/// Runs one pod on a test node, from its first sight to its deletion, as the kubelet's pod worker does:
/// Pending (startTime set, container waiting ContainerCreating) while volumes, environment and command are
/// set up (retried when retryable), Running once the program has started, Succeeded or Failed when it exits.
/// It stops the container for an expired activeDeadlineSeconds (DeadlineExceeded) and for a graceful
/// deletion (SIGTERM, the grace period, SIGKILL), then cleans up and completes the deletion with a
/// grace period of 0. Every status goes through the API's <c>/status</c> subresource.
/// </summary>
internal sealed partial class PodWorker : IDisposable
{
    private static readonly TimeSpan SetupRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);
    private readonly KubeletContext _context;
    private readonly string _directory;
    private readonly Lock _gate = new();
    private V1Pod _pod;
    private bool _removed;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IContainer? _process;
    private DateTime _startTime;
    private DateTime? _startedAt;

    public PodWorker(KubeletContext context, V1Pod pod)
    {
        _context = context;
        _pod = pod;
        Uid = pod.Uid();
        Namespace = pod.Namespace();
        Name = pod.Name();
        ContainerName = pod.Spec.Containers?.FirstOrDefault()?.Name;
        _directory = Path.Combine(context.PodsDirectory, Uid);
    }

    public string Uid { get; }

    public string Namespace { get; }

    public string Name { get; }

    /// <summary>The container the worker runs (the pod's first).</summary>
    public string? ContainerName { get; }

    /// <summary>The container's output; readable once it has started, kept until the pod is gone.</summary>
    public ContainerLog Log { get; } = new();

    /// <summary>Whether the container's process was started.</summary>
    public bool Started => _process is not null;

    private V1Pod Pod
    {
        get
        {
            lock (_gate)
            {
                return _pod;
            }
        }
    }

    private bool Removed
    {
        get
        {
            lock (_gate)
            {
                return _removed;
            }
        }
    }

    private Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    private DateTime? Deadline => Pod.Spec.ActiveDeadlineSeconds is { } seconds ? _startTime.AddSeconds(seconds) : null;

    private bool DeadlineExceeded => Deadline <= DateTime.UtcNow;

    private bool Deleting => Pod.Metadata.DeletionTimestamp is not null;

    /// <summary>The pod as the API shows it now.</summary>
    public void Update(V1Pod pod)
    {
        lock (_gate)
        {
            _pod = pod;
        }

        Signal();
    }

    /// <summary>The pod is gone from the API: kill the container now and clean up.</summary>
    public void Remove()
    {
        lock (_gate)
        {
            _removed = true;
        }

        Signal();
    }

    /// <summary>Runs the pod until it is deleted or <paramref name="stop"/> (the kubelet stopping, which writes nothing more).</summary>
    public async Task RunAsync(CancellationToken stop)
    {
        try
        {
            await LifecycleAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The kubelet stopped: the pod stays as the API last saw it.
        }
        catch (Exception e)
        {
            _context.Report($"pod {Namespace}/{Name} failed in the kubelet: {e}");
        }
    }

    /// <summary>SIGKILLs everything the container runs and waits up to <paramref name="limit"/> until it is gone; no status is written.</summary>
    public async Task KillAsync(TimeSpan limit)
    {
        if (_process is { } process)
        {
            process.KillAll();
            await process.Exited.WaitAsync(limit);
        }
    }

    /// <summary>Removes the pod's directory (emptyDirs, secret files, the termination log).</summary>
    public void Dispose()
    {
        _process?.KillAll();
        _process?.Dispose();
        DeleteDirectory();
    }

    private async Task LifecycleAsync(CancellationToken stop)
    {
        if (Deleting)
        {
            await FinishDeletionAsync(stop);
            return;
        }

        _startTime = Pod.Status?.StartTime ?? DateTime.UtcNow;
        if (Pod.Status?.Phase == "Running")
        {
            // Started by an earlier kubelet of this node, whose containers are gone: as after a node reboot.
            await SetAsync(ContainerLost(), stop);
        }
        else if (await SetUpAsync(stop) is { } launch && await StartAsync(launch, stop))
        {
            await RunUntilExitAsync(stop);
        }

        await WaitForDeletionAsync(stop);
    }

    /// <summary>After the container ended: waits for the pod's deletion, then cleans up and completes it.</summary>
    private async Task WaitForDeletionAsync(CancellationToken stop)
    {
        while (true)
        {
            var changed = Changed;
            if (Removed)
            {
                _process?.Dispose();
                DeleteDirectory();
                return;
            }

            if (Deleting)
            {
                await FinishDeletionAsync(stop);
                return;
            }

            await WaitAsync(changed, wakeAfter: null, stop);
        }
    }

    private async Task FinishDeletionAsync(CancellationToken stop)
    {
        // As the real kubelet removes a deleted pod's containers (a Docker container outlives its process).
        _process?.Dispose();
        DeleteDirectory();
        try
        {
            var options = new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = Uid } };
            await _context.Client.CoreV1.DeleteNamespacedPodAsync(Name, Namespace, options, gracePeriodSeconds: 0, cancellationToken: stop);
            _context.Report($"pod {Namespace}/{Name} deleted");
        }
        catch (k8s.Autorest.HttpOperationException e) when (ApiErrors.IsNotFound(e) || ApiErrors.IsConflict(e))
        {
            // Already gone (or a new pod of the same name): nothing left to complete.
        }
    }

    /// <summary>Waits for the pod to change, the container to exit, or <paramref name="wakeAfter"/>.</summary>
    private async Task WaitAsync(Task changed, TimeSpan? wakeAfter, CancellationToken stop)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var waits = new List<Task> { changed };
        if (_process is { Exited.IsCompleted: false } process)
        {
            waits.Add(process.Exited);
        }

        if (wakeAfter is { } after)
        {
            waits.Add(Task.Delay(after < TimeSpan.Zero ? TimeSpan.Zero : after > LongestWait ? LongestWait : after, timer.Token));
        }

        try
        {
            await Task.WhenAny(waits).WaitAsync(stop);
        }
        finally
        {
            await timer.CancelAsync();
        }
    }

    private static TimeSpan? Earliest(TimeSpan? a, TimeSpan? b) => a is null ? b : b is null ? a : a < b ? a : b;

    private TimeSpan? UntilDeadline() => Deadline - DateTime.UtcNow;

    private Task<bool> SetAsync(ContainerSnapshot snapshot, CancellationToken stop) =>
        PodStatusWriter.WriteAsync(_context.Client, Namespace, Name, Uid, current => PodStatusComposer.Compose(current, PodConditions.Truncate(_startTime), snapshot, DateTime.UtcNow), stop);

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }

    private void DeleteDirectory()
    {
        for (var attempt = 1; Directory.Exists(_directory); attempt++)
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }
}
