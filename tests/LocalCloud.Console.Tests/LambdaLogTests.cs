using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// The overview's Lambda invocations carry what the worker wrote: a real LocalCloud with the real Lambda service and a
// Python worker (the lightest runtime to start), invoked over the wire as any client would.
public sealed class LambdaLogTests
{
    [Fact]
    public async Task Overview_ShowsEachInvocationsLogLines()
    {
        Browser.SkipUnlessInstalled();
        Assert.SkipUnless(OnPath("python3"), "python3 is not on PATH: the test runs a Python function.");
        await using var server = await LocalCloudServer.StartAsync(new LocalCloudOptions { Port = 0, MinimumLogLevel = LogLevel.None }, TestContext.Current.CancellationToken);
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
        var create = JsonSerializer.Serialize(new
        {
            FunctionName = "console-logs",
            Runtime = "python3.12",
            Handler = "app.handler",
            Role = "arn:aws:iam::000000000000:role/console-tests",
            Code = new { ZipFile = Convert.ToBase64String(Zip("app.py", "def handler(event, context):\n    print('hello from', event['who'])\n    return 'ok'\n")) },
        });
        using (var created = await http.PostAsync("/2015-03-31/functions", new StringContent(create, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        // A new function is Pending until its code is unpacked, as on AWS: wait as `aws lambda wait function-active-v2` does,
        // polling GetFunction's State (the poll interval only paces the loop; the state decides).
        using (var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken))
        {
            deadline.CancelAfter(TimeSpan.FromSeconds(60));
            while (true)
            {
                using var function = JsonDocument.Parse(await http.GetStringAsync("/2015-03-31/functions/console-logs", deadline.Token));
                if (function.RootElement.GetProperty("Configuration").GetProperty("State").GetString() == "Active")
                {
                    break;
                }
                await Task.Delay(20, deadline.Token);
            }
        }
        string requestId;
        using (var invoked = await http.PostAsync("/2015-03-31/functions/console-logs/invocations", new StringContent("""{"who":"the console test"}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            Assert.Equal("\"ok\"", await invoked.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            requestId = string.Join(",", invoked.Headers.GetValues("x-amzn-RequestId"));
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(server.ConsoleUrl.ToString());
        var row = page.Locator($"tr[data-request-id='{requestId}']");
        await row.Locator("details.log summary").ClickAsync();
        var log = await row.Locator("details.log pre").InnerTextAsync();
        Assert.Contains("hello from the console test", log, StringComparison.Ordinal);
        Assert.Contains($"START RequestId: {requestId}", log, StringComparison.Ordinal);
        Assert.Contains($"REPORT RequestId: {requestId}", log, StringComparison.Ordinal);
        var result = await page.RunAxe();
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
        await Browser.ScreenshotAsync(page, "console-lambda-log.png");
    }

    private static byte[] Zip(string name, string text)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = zip.CreateEntry(name).Open();
            entry.Write(Encoding.UTF8.GetBytes(text));
        }
        return buffer.ToArray();
    }

    private static bool OnPath(string program)
        => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, program)));
}
