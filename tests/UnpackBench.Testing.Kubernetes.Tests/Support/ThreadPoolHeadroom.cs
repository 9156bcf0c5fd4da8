namespace UnpackBench.Testing.Kubernetes.Tests.Support;

/// <summary>
/// The VSTest host and xunit's adapter park two thread-pool threads in blocking waits for the whole run.
/// On a two-core machine the pool starts with two threads and adds about one per half second when
/// starved, so timing-sensitive tests (leader election) would see clients stall for most of a second.
/// </summary>
internal static class ThreadPoolHeadroom
{
    public static void Ensure()
    {
        ThreadPool.GetMinThreads(out var workers, out var io);
        ThreadPool.SetMinThreads(Math.Max(workers, Environment.ProcessorCount + 8), io);
    }
}
