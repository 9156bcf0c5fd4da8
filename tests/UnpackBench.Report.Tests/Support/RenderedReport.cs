using Microsoft.Playwright;
using UnpackBench.Testing;

namespace UnpackBench.Report.Tests.Support;

/// <summary>
/// A report written to a file and opened in Chromium as a person would open it, recording every
/// console error or warning, page error, and request for anything but the file itself.
/// </summary>
internal sealed class RenderedReport : IAsyncDisposable
{
    private readonly TempDirectory _directory = new("report");

    private RenderedReport(IPage page) => Page = page;

    public IPage Page { get; }

    public string File => _directory.Combine("report.html");

    public List<string> Problems { get; } = [];

    public List<string> OutsideRequests { get; } = [];

    public static async Task<RenderedReport> OpenAsync(IBrowserContext browser, string html)
    {
        var report = new RenderedReport(await browser.NewPageAsync());
        await System.IO.File.WriteAllTextAsync(report.File, html);
        var url = new Uri(report.File).AbsoluteUri;
        report.Page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                report.Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        report.Page.PageError += (_, error) => report.Problems.Add($"page error: {error}");
        report.Page.Request += (_, request) =>
        {
            if (request.Url != url)
            {
                report.OutsideRequests.Add(request.Url);
            }
        };
        await report.Page.GotoAsync(url, new PageGotoOptions { WaitUntil = WaitUntilState.Load });
        return report;
    }

    /// <summary>A full-page PNG of the report, next to it.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var path = _directory.Combine(name);
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync()
    {
        await Page.CloseAsync();
        _directory.Dispose();
    }
}
