using System.Globalization;
using Spectre.Console;
using UnpackBench.Agent.Images;
using UnpackBench.Core.Results;

namespace UnpackBench.Agent.Reporting;

/// <summary>
/// Human-readable progress. On a terminal it runs a live display (acquisition bytes, runs done,
/// the last run's time); elsewhere (CI logs, pipes) it prints one plain line per event.
/// </summary>
internal sealed class ConsoleReporter(IAnsiConsole console) : IBenchmarkReporter
{
    private readonly Lock _lock = new();
    private ProgressContext? _live;
    private ProgressTask? _acquireTask;
    private ProgressTask? _runTask;
    private string _lastAcquired = "";

    /// <summary>Whether a live display can be drawn (a terminal that understands cursor movement).</summary>
    public bool IsInteractive => console.Profile.Capabilities.Interactive && console.Profile.Capabilities.Ansi;

    /// <summary>Runs <paramref name="body"/> inside the live display when interactive, directly otherwise.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> body)
    {
        if (!IsInteractive)
        {
            return await body();
        }

        return await console.Progress()
            .AutoClear(true)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                _live = context;
                try
                {
                    return await body();
                }
                finally
                {
                    _live = null;
                }
            });
    }

    /// <inheritdoc />
    public void Stage(string message) => Line($"[grey]»[/] {Markup.Escape(message)}");

    /// <inheritdoc />
    public void Acquisition(AcquisitionProgress progress)
    {
        lock (_lock)
        {
            if (_live is not null)
            {
                _acquireTask ??= _live.AddTask("acquiring", maxValue: 1);
                _acquireTask.Description = Markup.Escape($"acquiring {progress.What}");
                _acquireTask.MaxValue = Math.Max(progress.Total, 1);
                _acquireTask.Value = progress.Bytes;
                return;
            }
        }

        var done = progress.Cached || progress.Bytes >= progress.Total;
        if (done && _lastAcquired != progress.What)
        {
            _lastAcquired = progress.What;
            Line($"  {Markup.Escape(progress.What)}: {Size(progress.Total)}{(progress.Cached ? " (already in the content store)" : "")}");
        }
    }

    /// <inheritdoc />
    public void Acquired(ImageDescription image)
    {
    }

    /// <inheritdoc />
    public void VariantStarting(string snapshotter, string encoding, int index, int count)
    {
        if (count > 1)
        {
            Line($"[bold]variant {index + 1}/{count}: {Markup.Escape(snapshotter)}, {Markup.Escape(encoding)}[/]");
            lock (_lock)
            {
                _runTask?.StopTask();
                _runTask = null;
            }
        }
    }

    /// <inheritdoc />
    public void RunStarting(int runId, int total, bool warmup)
    {
        lock (_lock)
        {
            _acquireTask?.StopTask();
            if (_live is not null && !warmup)
            {
                _runTask ??= _live.AddTask("runs", maxValue: total);
                _runTask.Description = $"run {runId}/{total}";
            }
        }
    }

    /// <inheritdoc />
    public void RunFinished(RunResult run, int total, bool warmup)
    {
        var label = warmup ? $"warm-up {run.RunId}/{total}" : $"run {run.RunId}/{total}";
        var line = run.Status == RunResult.Success
            ? $"[green]✓[/] {label}: {Seconds(run.DurationSeconds)} over {run.Layers.Count} layer(s), cleared in {Seconds(run.ClearSeconds)}{Resources(run)}"
            : $"[red]✗[/] {label} failed: {Markup.Escape(run.Error ?? "unknown error")}";
        Line(line);
        lock (_lock)
        {
            if (_runTask is not null && !warmup)
            {
                _runTask.Increment(1);
            }
        }
    }

    /// <inheritdoc />
    public void Warning(string message) => Line($"[yellow]![/] {Markup.Escape(message)}");

    /// <inheritdoc />
    public void Finished(BenchmarkResult result, string resultPath)
    {
        console.Write(SummaryTable.Build(result));
        Line($"Result written to [bold]{Markup.Escape(resultPath)}[/]");
    }

    private void Line(string markup) => console.MarkupLine(markup);

    private static string Resources(RunResult run) =>
        run.Metrics is not { } m
            ? ""
            : string.Create(CultureInfo.InvariantCulture, $"; containerd {m.CpuSeconds:0.00} CPU-s, peak {run.PeakMetrics.CpuPeakPercent:0}% CPU, {run.PeakMetrics.MemoryPeakMb:0.0} MiB, {run.PeakMetrics.PidPeakCount} PIDs");

    private static string Seconds(double? value) =>
        value is null ? "–" : value.Value.ToString("0.000 s", CultureInfo.InvariantCulture);

    private static string Size(long bytes) =>
        bytes >= 1 << 20 ? (bytes / 1048576.0).ToString("0.0 MiB", CultureInfo.InvariantCulture) : (bytes / 1024.0).ToString("0.0 KiB", CultureInfo.InvariantCulture);
}
