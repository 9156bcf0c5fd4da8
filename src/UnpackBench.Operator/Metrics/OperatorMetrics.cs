using Prometheus;
using UnpackBench.Core.Benchmarks;
using UnpackBench.Operator.Entities;

namespace UnpackBench.Operator.Metrics;

/// <summary>
/// The operator's Prometheus metrics, in a registry of its own: per-benchmark result gauges, per-row
/// (node and snapshotter) and per-survey gauges (<see cref="RowMetrics"/>), each comparison with a
/// baseline (<see cref="ComparisonMetrics"/>), benchmarks by phase, runs by outcome, and reconcile timings
/// and errors.
/// </summary>
public sealed class OperatorMetrics
{
    private static readonly string[] ResultLabels = ["namespace", "name", "image", "node", "snapshotter"];
    private readonly Dictionary<string, string[]> _resultLabelsByBenchmark = [];
    private readonly Lock _lock = new();
    private readonly Gauge _median;
    private readonly Gauge _min;
    private readonly Gauge _max;
    private readonly Gauge _throughput;
    private readonly Gauge _cpuPeak;
    private readonly Gauge _memoryPeak;
    private readonly Gauge _byPhase;
    private readonly Counter _runs;
    private readonly Histogram _reconcileDuration;
    private readonly Counter _reconcileErrors;
    private readonly RowMetrics _rows;
    private readonly ComparisonMetrics _comparisons;

    /// <summary>The median of each benchmark's last result.</summary>
    public static readonly MetricDefinition Median = new("unpackbench_benchmark_median_seconds", "Median unpack time of the last finished benchmark, seconds.", MetricKind.Gauge, ResultLabels);

    /// <summary>The fastest run of each benchmark's last result.</summary>
    public static readonly MetricDefinition Min = new("unpackbench_benchmark_min_seconds", "Fastest run of the last finished benchmark, seconds.", MetricKind.Gauge, ResultLabels);

    /// <summary>The slowest run of each benchmark's last result.</summary>
    public static readonly MetricDefinition Max = new("unpackbench_benchmark_max_seconds", "Slowest run of the last finished benchmark, seconds.", MetricKind.Gauge, ResultLabels);

    /// <summary>Throughput at the median.</summary>
    public static readonly MetricDefinition Throughput = new("unpackbench_benchmark_throughput_mb_per_second", "Uncompressed MB per second at the median.", MetricKind.Gauge, ResultLabels);

    /// <summary>containerd's CPU peak.</summary>
    public static readonly MetricDefinition CpuPeak = new("unpackbench_benchmark_cpu_peak_percent", "containerd's highest CPU use during a run, percent of one core.", MetricKind.Gauge, ResultLabels);

    /// <summary>containerd's memory peak.</summary>
    public static readonly MetricDefinition MemoryPeak = new("unpackbench_benchmark_memory_peak_mb", "containerd's highest memory use during a run, MiB.", MetricKind.Gauge, ResultLabels);

    /// <summary>Benchmarks by phase.</summary>
    public static readonly MetricDefinition ByPhase = new("unpackbench_benchmarks", "Benchmarks by phase.", MetricKind.Gauge, ["phase"]);

    /// <summary>Runs by outcome.</summary>
    public static readonly MetricDefinition Runs = new("unpackbench_runs_total", "Timed runs observed, by outcome.", MetricKind.Counter, ["outcome"]);

    /// <summary>Reconcile durations.</summary>
    public static readonly MetricDefinition ReconcileDuration = new("unpackbench_reconcile_duration_seconds", "Time to reconcile one benchmark.", MetricKind.Histogram, []);

    /// <summary>Failed reconciles.</summary>
    public static readonly MetricDefinition ReconcileErrors = new("unpackbench_reconcile_errors_total", "Reconciles that failed and were retried.", MetricKind.Counter, []);

    /// <summary>Every metric the operator exports.</summary>
    public static IReadOnlyList<MetricDefinition> Definitions { get; } = [Median, Min, Max, Throughput, CpuPeak, MemoryPeak, ByPhase, Runs, ReconcileDuration, ReconcileErrors, .. RowMetrics.Definitions, .. ComparisonMetrics.Definitions];

    /// <summary>Creates the metrics in a new registry.</summary>
    public OperatorMetrics()
    {
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        Gauge Gauge(MetricDefinition d) => factory.CreateGauge(d.Name, d.Help, [.. d.Labels]);
        Counter Counter(MetricDefinition d) => factory.CreateCounter(d.Name, d.Help, [.. d.Labels]);
        _median = Gauge(Median);
        _min = Gauge(Min);
        _max = Gauge(Max);
        _throughput = Gauge(Throughput);
        _cpuPeak = Gauge(CpuPeak);
        _memoryPeak = Gauge(MemoryPeak);
        _byPhase = Gauge(ByPhase);
        _runs = Counter(Runs);
        _reconcileDuration = factory.CreateHistogram(ReconcileDuration.Name, ReconcileDuration.Help, new HistogramConfiguration
        {
            Buckets = Histogram.ExponentialBuckets(0.001, 2, 16),
        });
        _reconcileErrors = Counter(ReconcileErrors);
        _rows = new RowMetrics(factory);
        _comparisons = new ComparisonMetrics(factory);
    }

    /// <summary>The registry to expose on /metrics.</summary>
    public CollectorRegistry Registry { get; }

    /// <summary>Times one reconcile.</summary>
    public IDisposable TimeReconcile() => _reconcileDuration.NewTimer();

    /// <summary>Counts a failed reconcile.</summary>
    public void ReconcileFailed() => _reconcileErrors.Inc();

    /// <summary>Counts runs that a reconcile reported (one event per run).</summary>
    public void RunsObserved(int succeeded, int failed)
    {
        _runs.WithLabels("success").Inc(succeeded);
        _runs.WithLabels("failed").Inc(failed);
    }

    /// <summary>Sets the count of benchmarks in each phase.</summary>
    public void SetPhases(IEnumerable<V1Alpha1UnpackBenchmark> benchmarks)
    {
        var counts = benchmarks.GroupBy(b => b.Status?.Phase ?? BenchmarkPhase.Pending).ToDictionary(g => g.Key, g => g.Count());
        foreach (var phase in new[] { BenchmarkPhase.Pending, BenchmarkPhase.Running, BenchmarkPhase.Succeeded, BenchmarkPhase.PartiallySucceeded, BenchmarkPhase.Failed })
        {
            _byPhase.WithLabels(phase).Set(counts.GetValueOrDefault(phase));
        }
    }

    /// <summary>Publishes a benchmark's result gauges, its rows' and its survey's (or removes them when it has none).</summary>
    public void SetResult(V1Alpha1UnpackBenchmark benchmark)
    {
        var key = $"{benchmark.Metadata.NamespaceProperty}/{benchmark.Metadata.Name}";
        var status = benchmark.Status;
        lock (_lock)
        {
            RemoveResultLocked(key);
            _rows.Set(key, benchmark);
            _comparisons.Set(key, benchmark);
            if (status is not { Phase: BenchmarkPhase.Succeeded, Summary: { } summary })
            {
                return;
            }

            string[] labels = [benchmark.Metadata.NamespaceProperty ?? "", benchmark.Metadata.Name, benchmark.Spec.Image, status.NodeName ?? "", benchmark.Spec.EffectiveSnapshotters[0]];
            _resultLabelsByBenchmark[key] = labels;
            Set(_median, labels, summary.MedianSeconds);
            Set(_min, labels, summary.MinSeconds);
            Set(_max, labels, summary.MaxSeconds);
            Set(_throughput, labels, summary.ThroughputMBps);
            Set(_cpuPeak, labels, summary.CpuPeakPercent);
            Set(_memoryPeak, labels, summary.MemoryPeakMB);
        }
    }

    /// <summary>Removes a deleted benchmark's gauges.</summary>
    public void RemoveResult(string @namespace, string name)
    {
        lock (_lock)
        {
            RemoveResultLocked($"{@namespace}/{name}");
        }
    }

    private void RemoveResultLocked(string key)
    {
        _rows.Remove(key);
        _comparisons.Remove(key);
        if (_resultLabelsByBenchmark.Remove(key, out var labels))
        {
            foreach (var gauge in new[] { _median, _min, _max, _throughput, _cpuPeak, _memoryPeak })
            {
                gauge.RemoveLabelled(labels);
            }
        }
    }

    // Figures live in status as decimal strings; a missing one is simply not exported.
    private static void Set(Gauge gauge, string[] labels, string? value)
    {
        if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            gauge.WithLabels(labels).Set(number);
        }
    }
}
