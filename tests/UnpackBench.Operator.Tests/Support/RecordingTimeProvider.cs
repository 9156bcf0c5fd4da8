using Microsoft.Extensions.Time.Testing;

namespace UnpackBench.Operator.Tests.Support;

/// <summary>A fake clock that only moves when told to, and remembers every delay it was asked to time.</summary>
internal sealed class RecordingTimeProvider() : FakeTimeProvider(Scenario.Now)
{
    private readonly List<TimeSpan> _delays = [];
    private readonly Lock _lock = new();

    /// <summary>The due times of the timers created so far, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get
        {
            lock (_lock)
            {
                return [.. _delays];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        lock (_lock)
        {
            _delays.Add(dueTime);
        }

        return base.CreateTimer(callback, state, dueTime, period);
    }
}
