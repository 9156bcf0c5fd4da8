namespace UnpackBench.Bench.OperatorScale;

/// <summary>What one operator-scale run measured.</summary>
/// <param name="Benchmarks">UnpackBenchmarks created at once.</param>
/// <param name="Runs">Runs per benchmark.</param>
/// <param name="LogsAvailable">Whether pod logs could be read (else every read failed as where the API server cannot dial the kubelets).</param>
/// <param name="AllPodsExist">From the creates until every agent pod existed.</param>
/// <param name="AllSucceeded">From the creates until every benchmark was Succeeded.</param>
/// <param name="Requests">The operator's requests (those of its ServiceAccount) by verb and resource.</param>
/// <param name="OtherClients">Every other client's request count, by user: the kubelets, the scheduler, the benchmarks' creator.</param>
/// <param name="OperatorPeakMemoryMb">The operator's peak resident memory, MiB.</param>
internal sealed record OperatorScaleResult(
    int Benchmarks, int Runs, bool LogsAvailable, TimeSpan AllPodsExist, TimeSpan AllSucceeded,
    IReadOnlyDictionary<(string Verb, string Resource), int> Requests, IReadOnlyDictionary<string, int> OtherClients, double OperatorPeakMemoryMb)
{
    /// <summary>The operator's requests, all told.</summary>
    public int OperatorRequests => Requests.Values.Sum();

    /// <summary>Operator requests per benchmark, from creation to Succeeded.</summary>
    public double RequestsPerLifecycle => (double)OperatorRequests / Benchmarks;

    /// <summary>The most requests per lifecycle the operator should need: 20 when it can follow the agents' logs, 25 when every log read fails.</summary>
    public int RequestTarget => LogsAvailable ? 20 : 25;
}
