using System.Collections.Concurrent;

namespace UnpackBench.Operator.Controller;

/// <summary>
/// Holds back status writes that only record progress: at most one per benchmark every
/// <c>interval</c>. Kept in memory; after a restart the first write simply goes out at once.
/// </summary>
internal sealed class StatusWriteThrottle(TimeSpan interval, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastWrite = new();

    /// <summary>How long a progress write for <paramref name="uid"/> must wait still; null when it may go now.</summary>
    public TimeSpan? Wait(string? uid)
    {
        if (uid is null || !_lastWrite.TryGetValue(uid, out var last))
        {
            return null;
        }

        var wait = last + interval - time.GetUtcNow();
        return wait > TimeSpan.Zero ? wait : null;
    }

    /// <summary>Notes a status write for <paramref name="uid"/>.</summary>
    public void Written(string? uid)
    {
        if (uid is not null)
        {
            _lastWrite[uid] = time.GetUtcNow();
        }
    }

    /// <summary>Forgets a benchmark that is gone.</summary>
    public void Forget(string? uid)
    {
        if (uid is not null)
        {
            _lastWrite.TryRemove(uid, out _);
        }
    }
}
