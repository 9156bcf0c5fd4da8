namespace UnpackBench.Operator.Hosting;

/// <summary>What /healthz and /readyz report: alive while the main loop runs; ready when leading with synced caches, or standing by.</summary>
public sealed class HealthState
{
    private volatile bool _alive = true;
    private volatile bool _ready;

    /// <summary>Whether the process is healthy.</summary>
    public bool Alive => _alive;

    /// <summary>Whether it can serve (standby replicas are ready too: they are healthy and waiting).</summary>
    public bool Ready => _ready;

    /// <summary>Sets readiness.</summary>
    public void SetReady(bool ready) => _ready = ready;

    /// <summary>Marks the process as failed, so the kubelet restarts it.</summary>
    public void Fail() => _alive = false;
}
