using Microsoft.Playwright;
using Poc.Cli.Report;

namespace Poc.Cli.Tests.Report;

// Renders the report in a real headless Chromium: what a reader sees, not just what the HTML text contains.
public sealed class ReportBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task Report_InHeadlessChromium_ShowsTextAndDrawsEverySvg()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is not installed (apt-get install chromium); .ci/run installs it.");
        var html = HtmlReport.Render(new ReportFacts(CannedReport.Build()));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.SetContentAsync(html);

        var text = await page.InnerTextAsync("body");
        foreach (var expected in new[] { "Callback pattern PoC report", "Error-scenario matrix", "MaxAttemptsExceeded", "MAX_ATTEMPTS", "Cost analysis", "$1.30", "$25.06", "94.8 %", "holds" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        var sizes = await page.EvaluateAsync<double[][]>(
            "Array.from(document.querySelectorAll('svg')).map(s => { const r = s.getBoundingClientRect(); return [r.width, r.height]; })");
        Assert.Equal(7, sizes.Length);
        Assert.All(sizes, s => Assert.True(s[0] > 0 && s[1] > 0, $"an SVG rendered {s[0]}×{s[1]}"));

        var screenshot = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");
        var png = await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        Assert.True(png.Length > 10_000);
        TestContext.Current.AddAttachment("report-screenshot.png", png, "image/png");
    }
}
