namespace UnpackBench.Bench.Overhead;

/// <summary>The sampler's cost over a set of runs at one interval, and the last run's peaks.</summary>
internal sealed record SamplerOverhead(int IntervalMs, int Runs, double WindowSeconds, double SamplerCpuSeconds, RunPeaks Peaks)
{
    /// <summary>Sampler CPU time as a percentage of one core over the timed windows.</summary>
    public double ShareOfOneCorePercent => WindowSeconds > 0 ? SamplerCpuSeconds / WindowSeconds * 100 : double.NaN;
}

/// <summary>One run's peaks as the result document reports them.</summary>
internal sealed record RunPeaks(double Cpu, double MemoryMb, int Pids, double DurationSeconds, double CpuSeconds);
