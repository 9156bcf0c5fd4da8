using UnpackBench.Agent.Sampling;

namespace UnpackBench.Agent.Tests.Sampling;

/// <summary>The cgroup sampler's schedule, over counters whose reads take as long as a test says.</summary>
public sealed class CgroupSamplerTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);

    [Fact]
    public void A_slow_read_skips_the_slots_it_missed_instead_of_sampling_them_back_to_back()
    {
        // Ends mid-slot, so sampling at once when it ends would be before the next slot.
        var slowRead = TimeSpan.FromMilliseconds(110);
        using var counters = new SlowCounters(slowReadAt: 2, slowRead, stopAfter: 4);
        using var sampler = new CgroupSampler(counters, Interval);

        sampler.Start();
        Assert.True(counters.Enough.Wait(TimeSpan.FromSeconds(30)), "the sampler stopped sampling");
        var samples = sampler.Stop();

        // Read 1 is Start's baseline; read 2, the first sample's, takes slowRead. The slots that passed
        // meanwhile are gone: the next sample waits for the first slot after that read ended.
        var readEnded = samples[0].T + slowRead.TotalSeconds;
        var nextSlot = (Math.Floor(readEnded / Interval.TotalSeconds) + 1) * Interval.TotalSeconds;
        Assert.True(samples[1].T >= nextSlot - 1e-9, $"the sample after a read that ended at {readEnded * 1000:0.0} ms came at {samples[1].T * 1000:0.0} ms, before the slot at {nextSlot * 1000:0} ms");
    }

    [Fact]
    public void The_kth_sample_is_never_taken_before_k_intervals()
    {
        using var counters = new SlowCounters(slowReadAt: 0, TimeSpan.Zero, stopAfter: 12);
        using var sampler = new CgroupSampler(counters, Interval);

        sampler.Start();
        Assert.True(counters.Enough.Wait(TimeSpan.FromSeconds(30)), "the sampler stopped sampling");
        var samples = sampler.Stop();

        for (var k = 1; k < samples.Count; k++)
        {
            Assert.True(samples[k - 1].T >= k * Interval.TotalSeconds, $"sample {k} at {samples[k - 1].T * 1000:0.00} ms");
        }
    }

    /// <summary>Counters whose n-th read takes <c>slowRead</c>; <see cref="Enough"/> is set after <c>stopAfter</c> reads.</summary>
    private sealed class SlowCounters(int slowReadAt, TimeSpan slowRead, int stopAfter) : ICgroupCounters
    {
        private int _reads;

        public ManualResetEventSlim Enough { get; } = new();

        public CgroupVersion Version => CgroupVersion.V2;

        public string Describe => "test counters";

        public (long? CpuNanoseconds, long? WorkingSetBytes, int? Pids) Sample()
        {
            var read = Interlocked.Increment(ref _reads);
            if (read == slowReadAt)
            {
                // The read itself is what is slow: nothing here can end it sooner.
                Thread.Sleep(slowRead);
            }

            if (read >= stopAfter)
            {
                Enough.Set();
            }

            return (read * 1_000_000L, 1 << 20, 1);
        }

        public CgroupReading Read() => throw new NotSupportedException();

        public long? WorkingSetBytes() => 1 << 20;

        public bool ResetMemoryPeak() => false;

        public long? MemoryPeakBytes() => null;

        public long? FileBytes() => null;

        public void Dispose() => Enough.Dispose();
    }
}
