using System.Diagnostics;
using UnpackBench.Agent.Sampling.Docker;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Tests.Sampling.Docker;

/// <summary>
/// The polling and the window's totals, against a stand-in for Docker whose readings and answer times
/// the test controls: a container using exactly one of two cores.
/// </summary>
public sealed class DockerStatsSamplingTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    [Fact]
    public async Task When_docker_answers_at_once_points_follow_the_interval()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.Zero);

        var (metrics, window) = await MeasureAsync(docker, TimeSpan.FromMilliseconds(800), daemonPaced: false);

        var gaps = Gaps(metrics);
        Assert.True(metrics.SampleCount >= 8, $"{metrics.SampleCount} samples in {window.TotalSeconds:0.000} s, at {string.Join(", ", metrics.Series.Select(p => p.T.ToString("0.000")))} s");
        Assert.InRange(gaps[gaps.Count / 2], 0.5 * Interval.TotalSeconds, 1.6 * Interval.TotalSeconds);
        Assert.Equal(50, metrics.SampleIntervalMs);
        Assert.All(metrics.Series, p => Assert.InRange(p.CpuPercent ?? 0, 90, 110));
    }

    [Fact]
    public async Task When_docker_answers_slowly_requests_do_not_bunch_and_the_interval_says_so()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.FromMilliseconds(250));

        var (metrics, _) = await MeasureAsync(docker, TimeSpan.FromMilliseconds(1200), daemonPaced: true);

        var gaps = Gaps(metrics);
        Assert.All(gaps, gap => Assert.True(gap >= 0.2, $"gaps: {string.Join(", ", gaps.Select(g => g.ToString("0.000")))}"));
        Assert.InRange(metrics.SampleIntervalMs, 240, 400);
        Assert.Equal(1, docker.MostAtOnce);
    }

    [Fact]
    public async Task Totals_are_the_counter_deltas_between_the_first_and_the_closing_reading()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.Zero);

        var (metrics, window) = await MeasureAsync(docker, TimeSpan.FromMilliseconds(500), daemonPaced: false);

        // One busy core: CPU seconds = the time between the two readings, just over the window.
        Assert.InRange(metrics.CpuSeconds ?? 0, window.TotalSeconds * 0.95, window.TotalSeconds + 0.2);
        Assert.Equal(metrics.CpuSeconds ?? 0, (metrics.CpuUserSeconds ?? 0) + (metrics.CpuSystemSeconds ?? 0), precision: 6);
        Assert.Equal(docker.Readings[^1].IoReadBytes - docker.Readings[0].IoReadBytes, metrics.IoReadBytes);
        Assert.Equal(16, metrics.MemoryMaxUsageMb);
        Assert.Equal("high_water_mark", metrics.MemoryMaxUsageKind);
    }

    [Fact]
    public async Task Without_a_closing_reading_totals_are_null_rather_than_short()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.Zero) { FailAfter = 1 };

        var (metrics, _) = await MeasureAsync(docker, TimeSpan.FromMilliseconds(200), daemonPaced: false);

        Assert.Null(metrics.CpuSeconds);
        Assert.Null(metrics.IoReadBytes);
        Assert.Equal(0, metrics.SampleCount);
    }

    [Fact]
    public async Task A_repeated_reading_is_not_a_new_point()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.Zero) { Frozen = true };

        var (metrics, _) = await MeasureAsync(docker, TimeSpan.FromMilliseconds(300), daemonPaced: false);

        Assert.Equal(0, metrics.SampleCount);
        Assert.Null(metrics.CpuSeconds);
    }

    [Fact]
    public async Task When_the_first_reading_fails_the_window_measures_nothing()
    {
        var docker = new OneBusyCore(answerAfter: TimeSpan.Zero) { FailAfter = 0 };
        await using var monitor = new DockerStatsMonitor(docker, Interval, false, [], null);

        var window = await monitor.BeginAsync(CancellationToken.None);

        Assert.Null(await window.EndAsync(CancellationToken.None));
    }

    private static async Task<(RunMetrics Metrics, TimeSpan Window)> MeasureAsync(OneBusyCore docker, TimeSpan length, bool daemonPaced)
    {
        await using var monitor = new DockerStatsMonitor(docker, Interval, daemonPaced, [], null);
        var window = await monitor.BeginAsync(CancellationToken.None);
        var clock = Stopwatch.StartNew();
        await Task.Delay(length);
        var elapsed = clock.Elapsed;
        var metrics = await window.EndAsync(CancellationToken.None);
        return (metrics ?? throw new InvalidOperationException("nothing measured"), elapsed);
    }

    private static List<double> Gaps(RunMetrics metrics) =>
        [.. metrics.Series.Zip(metrics.Series.Skip(1), (a, b) => b.T - a.T).Order()];

    // Readings of a container that keeps one of two cores busy: its CPU counter grows with real time.
    private sealed class OneBusyCore(TimeSpan answerAfter) : IDockerStatsReader
    {
        private readonly Stopwatch _clock = Stopwatch.StartNew();
        private readonly DateTime _start = DateTime.UtcNow;
        private int _requests;
        private int _inFlight;

        public List<DockerStatsReading> Readings { get; } = [];

        public int? FailAfter { get; init; }

        public bool Frozen { get; init; }

        public int MostAtOnce { get; private set; }

        public async Task<DockerStatsReading?> ReadAsync(CancellationToken cancellationToken)
        {
            MostAtOnce = Math.Max(MostAtOnce, Interlocked.Increment(ref _inFlight));
            try
            {
                if (FailAfter is { } failAfter && Interlocked.Increment(ref _requests) > failAfter)
                {
                    throw new IOException("Docker went away");
                }

                if (answerAfter > TimeSpan.Zero)
                {
                    await Task.Delay(answerAfter, cancellationToken);
                }

                var elapsed = Frozen ? TimeSpan.FromSeconds(1) : _clock.Elapsed;
                var nanoseconds = (ulong)(elapsed.Ticks * 100);
                var reading = new DockerStatsReading
                {
                    Read = _start + elapsed,
                    CpuTotalNanoseconds = nanoseconds,
                    CpuUserNanoseconds = nanoseconds / 10 * 9,
                    CpuKernelNanoseconds = nanoseconds - nanoseconds / 10 * 9,
                    SystemCpuNanoseconds = 2 * nanoseconds,
                    OnlineCpus = 2,
                    MemoryWorkingSetBytes = 8 << 20,
                    MemoryMaxUsageBytes = 16 << 20,
                    Pids = 2,
                    IoReadBytes = (long)elapsed.TotalMilliseconds * 4096,
                    IoWriteBytes = 0,
                };
                lock (Readings)
                {
                    Readings.Add(reading);
                }

                return reading;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
