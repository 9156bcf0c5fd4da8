using System.Diagnostics;

namespace UnpackBench.Testing;

/// <summary>
/// Waits for a condition to hold, polling with a short backoff, and fails with a message once a timeout passes.
/// </summary>
public static class Eventually
{
    /// <summary>
    /// Polls <paramref name="condition"/> until it returns true. Throws <see cref="TimeoutException"/> saying
    /// <paramref name="what"/> was awaited (and the last exception the condition threw, if any) after <paramref name="timeout"/>.
    /// </summary>
    public static async Task TrueAsync(
        Func<CancellationToken, Task<bool>> condition,
        TimeSpan timeout,
        string what,
        CancellationToken cancellationToken = default)
    {
        var stopwatch = Stopwatch.StartNew();
        var delay = TimeSpan.FromMilliseconds(10);
        Exception? lastError = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (await condition(cancellationToken))
                {
                    return;
                }

                lastError = null;
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                lastError = e;
            }

            if (stopwatch.Elapsed >= timeout)
            {
                var detail = lastError is null ? string.Empty : $" Last error: {lastError.Message}";
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0.#} s waiting for {what}.{detail}", lastError);
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
