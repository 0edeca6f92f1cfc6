using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

/// <summary>Headless Debian Chromium, launched as the report's browser test does (tests/Poc.Cli.Tests).</summary>
internal static class Browser
{
    public const string Chromium = "/usr/bin/chromium";

    public static void SkipUnlessInstalled()
        => Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); .ci/run installs it.");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });

    /// <summary>Saves a full-page screenshot beside the test binary and attaches it to the test result.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(AppContext.BaseDirectory, name), FullPage = true });
        Assert.True(png.Length > 5_000, $"{name} is only {png.Length} bytes");
        TestContext.Current.AddAttachment(name, png, "image/png");
    }

    public static async Task AssertAccessibleAsync(IPage page, string what)
    {
        var result = await page.RunAxe();
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(", ", v.Nodes.Select(n => n.Html).Take(3))}").ToList();
        Assert.True(serious.Count == 0, $"{what}: {string.Join(Environment.NewLine, serious)}");
    }
}
