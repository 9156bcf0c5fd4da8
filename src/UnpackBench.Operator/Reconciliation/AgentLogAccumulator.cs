using UnpackBench.Core.AgentProtocol;
using UnpackBench.Core.Results;

namespace UnpackBench.Operator.Reconciliation;

/// <summary>
/// Folds the agent's log lines into <see cref="AgentProgress"/>. Lines that are not agent events are
/// skipped. Reading the same log again (after a reconnect or an operator restart) yields the same
/// progress, because runs are keyed by their id.
/// </summary>
public sealed class AgentLogAccumulator
{
    private readonly Lock _lock = new();
    private AgentProgress _progress = AgentProgress.Empty;

    /// <summary>The progress so far.</summary>
    public AgentProgress Snapshot()
    {
        lock (_lock)
        {
            return _progress;
        }
    }

    /// <summary>Applies one log line; returns true when it changed the progress.</summary>
    public bool Apply(string line)
    {
        if (AgentEventJson.TryParse(line) is not { } agentEvent)
        {
            return false;
        }

        lock (_lock)
        {
            var before = _progress;
            _progress = agentEvent.Event switch
            {
                AgentEventKinds.Acquired when agentEvent.Image is not null => _progress with { Image = agentEvent.Image },
                AgentEventKinds.Run when agentEvent.Run is not null => _progress with { Runs = WithRun(_progress.Runs, agentEvent.Run) },
                AgentEventKinds.Result when agentEvent.Result is not null => _progress with
                {
                    Result = agentEvent.Result,
                    Image = agentEvent.Result.Image,
                    Runs = agentEvent.Result.Runs.Aggregate(_progress.Runs, WithRun),
                },
                AgentEventKinds.Calibration when agentEvent.Calibration is not null => _progress with { Calibration = agentEvent.Calibration },
                AgentEventKinds.Features when agentEvent.Features is not null => _progress with { Features = agentEvent.Features },
                AgentEventKinds.Failed => _progress with { FailureReason = agentEvent.Reason ?? AgentFailureReasons.InternalError, FailureMessage = agentEvent.Message },
                _ => _progress,
            };
            return !ReferenceEquals(before, _progress);
        }
    }

    /// <summary>Records that the log has been read to its end.</summary>
    public void Complete()
    {
        lock (_lock)
        {
            _progress = _progress with { LogComplete = true, LogError = null };
        }
    }

    /// <summary>Clears a previous read error before reading again; <paramref name="afterExit"/> says the agent has exited by now.</summary>
    public void Retry(bool afterExit)
    {
        lock (_lock)
        {
            _progress = _progress with { LogError = null, LogReadAfterExit = afterExit };
        }
    }

    /// <summary>Records why the log could not be read.</summary>
    public void Fail(string error)
    {
        lock (_lock)
        {
            _progress = _progress with { LogError = error };
        }
    }

    private static SortedDictionary<int, RunResult> WithRun(IReadOnlyDictionary<int, RunResult> runs, RunResult run) =>
        new(runs.ToDictionary()) { [run.RunId] = run };
}
