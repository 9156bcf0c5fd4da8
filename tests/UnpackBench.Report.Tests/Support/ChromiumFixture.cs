using Microsoft.Playwright;
using UnpackBench.Testing;

namespace UnpackBench.Report.Tests.Support;

/// <summary>
/// Debian's headless Chromium driven by Playwright, shared by a test class. Playwright never
/// downloads a browser here: it is pointed at the installed one, with a fresh profile directory.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private readonly TempDirectory _profile = new("chromium-profile");
    private IPlaywright? _playwright;

    public IBrowserContext Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var chromium = Prerequisites.RequireExecutable("chromium", "apt-get install -y chromium");
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchPersistentContextAsync(_profile.Path, new BrowserTypeLaunchPersistentContextOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
            ],
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _profile.Dispose();
    }
}
