using UnpackBench.Operator.Controller;
using UnpackBench.Operator.Tests.Support;

namespace UnpackBench.Operator.Tests.Controller;

public sealed class WorkQueueTests : IDisposable
{
    // Bounds waits on the queue's signals; a passing test never comes near it.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    private readonly RecordingTimeProvider _time = new();
    private readonly WorkQueue _queue;
    private readonly CancellationTokenSource _cancel = new();

    public WorkQueueTests() => _queue = new WorkQueue(_time);

    public void Dispose()
    {
        _cancel.Cancel();
        _cancel.Dispose();
        _queue.Dispose();
    }

    private Task<string> Take() => _queue.TakeAsync(_cancel.Token);

    // A key that is queued is handed out at once; otherwise the take waits.
    private string TakeReady()
    {
        var take = Take();
        Assert.True(take.IsCompletedSuccessfully, "no key was ready");
        return take.Result;
    }

    private static async Task<string> TakeEventually(Task<string> take) => await take.WaitAsync(Patience);

    [Fact]
    public void A_key_added_twice_is_queued_once()
    {
        _queue.Add("team-a/python");
        _queue.Add("team-a/python");

        Assert.Equal(1, _queue.Depth);
        Assert.Equal("team-a/python", TakeReady());
        Assert.False(Take().IsCompleted);
    }

    [Fact]
    public void Keys_are_handed_out_in_the_order_they_were_added()
    {
        _queue.Add("team-a/one");
        _queue.Add("team-a/two");
        _queue.Add("team-b/one");
        _queue.Add("team-a/one");

        Assert.Equal(["team-a/one", "team-a/two", "team-b/one"], new[] { TakeReady(), TakeReady(), TakeReady() });
    }

    [Fact]
    public async Task A_key_added_while_being_processed_is_not_handed_to_a_second_worker_but_comes_back_after_Done()
    {
        _queue.Add("team-a/python");
        var key = TakeReady();

        _queue.Add(key);
        _queue.Add(key);
        var secondWorker = Take();

        Assert.False(secondWorker.IsCompleted);
        _queue.Done(key);
        Assert.Equal(key, await TakeEventually(secondWorker));
        _queue.Done(key);
        Assert.False(Take().IsCompleted);
    }

    [Fact]
    public void Other_keys_are_handed_out_while_one_is_processed()
    {
        _queue.Add("team-a/one");
        var first = TakeReady();

        _queue.Add(first);
        _queue.Add("team-a/two");

        Assert.Equal("team-a/two", TakeReady());
    }

    [Fact]
    public void A_processed_key_that_was_not_added_again_does_not_come_back()
    {
        _queue.Add("team-a/python");
        _queue.Done(TakeReady());

        Assert.Equal(0, _queue.Depth);
        Assert.False(Take().IsCompleted);
    }

    [Fact]
    public async Task Each_failure_doubles_the_delay_before_the_key_comes_back()
    {
        var expected = new[] { 50, 100, 200, 400, 800 }.Select(ms => TimeSpan.FromMilliseconds(ms)).ToList();
        foreach (var delay in expected)
        {
            _queue.AddRateLimited("team-a/python");
            var retry = Take();

            _time.Advance(delay - TimeSpan.FromMilliseconds(1));
            Assert.Equal(0, _queue.Depth);
            Assert.False(retry.IsCompleted);

            _time.Advance(TimeSpan.FromMilliseconds(1));
            Assert.Equal("team-a/python", await TakeEventually(retry));
            _queue.Done("team-a/python");
        }

        Assert.Equal(expected, _time.Delays);
    }

    [Fact]
    public async Task Forget_resets_the_backoff()
    {
        for (var i = 0; i < 3; i++)
        {
            _queue.AddRateLimited("team-a/python");
            var retry = Take();
            _time.Advance(TimeSpan.FromSeconds(1));
            _queue.Done(await TakeEventually(retry));
        }

        _queue.Forget("team-a/python");
        _queue.AddRateLimited("team-a/python");

        Assert.Equal(TimeSpan.FromMilliseconds(50), _time.Delays[^1]);
        Assert.Equal(TimeSpan.FromMilliseconds(200), _time.Delays[^2]);
    }

    [Fact]
    public void Keys_back_off_independently()
    {
        _queue.AddRateLimited("team-a/one");
        _queue.AddRateLimited("team-a/one");
        _queue.AddRateLimited("team-a/two");

        Assert.Equal([50, 100, 50], _time.Delays.Select(d => d.TotalMilliseconds));
    }

    [Fact]
    public void The_backoff_stops_growing_at_five_minutes()
    {
        for (var i = 0; i < 40; i++)
        {
            _queue.AddRateLimited("team-a/python");
        }

        Assert.Equal(TimeSpan.FromMinutes(5), _time.Delays[^1]);
        Assert.All(_time.Delays, d => Assert.InRange(d, TimeSpan.FromMilliseconds(50), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public async Task A_key_added_after_a_delay_comes_back_only_when_the_delay_has_passed()
    {
        _queue.AddAfter("team-a/python", TimeSpan.FromMinutes(3));
        var take = Take();

        _time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, _queue.Depth);
        Assert.False(take.IsCompleted);

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("team-a/python", await TakeEventually(take));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void A_key_added_after_no_delay_is_queued_at_once(int seconds)
    {
        _queue.AddAfter("team-a/python", TimeSpan.FromSeconds(seconds));

        Assert.Equal("team-a/python", TakeReady());
        Assert.Empty(_time.Delays);
    }

    [Fact]
    public async Task A_taker_waits_for_the_next_key()
    {
        var take = Take();
        Assert.False(take.IsCompleted);

        _queue.Add("team-a/python");

        Assert.Equal("team-a/python", await TakeEventually(take));
    }

    [Fact]
    public async Task A_waiting_taker_can_be_cancelled()
    {
        using var stop = new CancellationTokenSource();
        var take = _queue.TakeAsync(stop.Token);

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => take.WaitAsync(Patience));
    }
}
