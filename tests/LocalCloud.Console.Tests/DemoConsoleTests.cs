using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Poc.Cli.Cli;
using Spectre.Console;

namespace LocalCloud.Console.Tests;

/// <summary>
/// Issue #15's "Done when", step by step: `poc demo --keep-open` runs (in this process, with its real functions in their
/// worker processes), the test opens the console URL it prints, watches the five scenarios' executions appear and their
/// graphs advance live, sees the demo end with every scenario as expected, then starts one more callback execution from
/// the page on the demo's LocalCloud, still open, and answers its task by hand from the page.
/// </summary>
public sealed partial class DemoConsoleTests
{
    // Generous: the demo publishes the function package when a source changed (tens of seconds, minutes on a loaded
    // machine) and waits for poll intervals; nothing here is a timing assertion.
    private const float Wait = 90_000;
    private const float DeployWait = 600_000;

    /// <summary>How each scenario's execution ends in the callback workflow's graph (docs/error-scenarios.md).</summary>
    private static readonly (string Scenario, string Status, string EndState, string EndClass)[] Scenarios =
    [
        ("success", "SUCCEEDED", "JobSucceeded", "visited"),
        ("job-failed", "FAILED", "FailedState", "failed"),
        ("max-attempts", "FAILED", "FailedState", "failed"),
        ("polling-timeout", "FAILED", "TimeoutState", "failed"),
        ("state-timeout", "FAILED", "TimeoutState", "failed"),
    ];

    // These three wait at least 2.5 poll intervals (7.5 s) for their end; the first of them still running when its tab
    // opens is the one screenshotted waiting.
    private static readonly string[] LongScenarios = ["max-attempts", "polling-timeout", "state-timeout"];

    [Fact]
    public async Task PocDemo_ScenariosMoveLiveOnThePrintedConsole_AndACallbackSentByHandFinishesItsExecution()
    {
        Browser.SkipUnlessInstalled();
        var ct = TestContext.Current.CancellationToken;
        using var interruption = new Interruption();
        using var output = new WatchedWriter();
        using var errorText = new StringWriter(CultureInfo.InvariantCulture);
        var error = TextWriter.Synchronized(errorText);
        var terminal = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        terminal.Profile.Width = 200;
        // --keep-open: the callback is answered by hand once the demo has measured and reported, on its LocalCloud, so the
        // hand-started job changes neither a scenario's outcome nor the demo's cost measurement.
        var demo = Task.Run(() => PocApp.RunAsync(["demo", "--keep-open"], new PocCommands(_ => null, terminal, error).Handlers(), _ => null, output, error, interruption, ct), ct);
        try
        {
            await WatchAsync(demo, output, errorText, ct);

            // Ctrl+C ends a kept-open demo, with the exit code of an interrupted command.
            interruption.Interrupt(ExitCodes.Interrupted);
            Assert.Equal(ExitCodes.Interrupted, await demo.WaitAsync(TimeSpan.FromMinutes(2), ct));
        }
        finally
        {
            // A failed assertion must not leave the demo's LocalCloud and its Lambda workers running.
            interruption.Interrupt(ExitCodes.Interrupted);
            await Task.WhenAny(demo);
            TestContext.Current.TestOutputHelper?.WriteLine($"poc demo printed:\n{output}");
        }
    }

    private static async Task WatchAsync(Task<int> demo, WatchedWriter output, StringWriter error, CancellationToken ct)
    {
        // The URL is printed right after LocalCloud starts, before anything is deployed.
        var url = (await output.WaitForAsync(ConsoleUrl(), demo, TimeSpan.FromMinutes(2), ct)).Groups["url"].Value;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();

        // The newcomer's page, opened at once: the state machines appear on it without a reload when the scenarios start.
        await page.GotoAsync(url);
        await Assertions.Expect(page.Locator("body[data-live='open']")).ToHaveCountAsync(1, new() { Timeout = Wait });
        // The tabs the executions will be watched in, made while the demo deploys: on a loaded machine a new tab costs
        // seconds, which success and job-failed do not last. They stay blank until then: each console page holds a
        // connection for its stream, and Chromium opens at most six to one host.
        var tabs = new List<IPage>();
        foreach (var _ in Scenarios)
        {
            tabs.Add(await context.NewPageAsync());
        }
        var machineLink = page.Locator("a", new() { HasTextString = "poc-callback-workflow" });
        await Assertions.Expect(machineLink).ToHaveCountAsync(1, new() { Timeout = DeployWait });
        await machineLink.ClickAsync();

        // The workflow's page lists the five scenarios' executions as they start, and their statuses change in place.
        var rows = page.Locator("table.executions tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(Scenarios.Length, new() { Timeout = Wait });
        var links = await page.EvaluateAsync<string[][]>("Array.from(document.querySelectorAll('table.executions tbody tr')).map(r => [r.querySelector('a').textContent, r.querySelector('a').href, r.querySelector('.badge').textContent])");
        TestContext.Current.TestOutputHelper?.WriteLine($"listed: {string.Join(", ", links.Select(l => $"{l[0]} {l[2]}"))}");
        var executions = Scenarios.ToDictionary(s => s.Scenario, s => Assert.Single(links, l => l[0].StartsWith(s.Scenario + "-demo-", StringComparison.Ordinal)));

        // One tab per execution, all at once: each graph follows its execution over the page's event stream.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var opened = await Task.WhenAll(Scenarios.Select(async (s, i) =>
        {
            var response = await tabs[i].GotoAsync(executions[s.Scenario][1]);
            // What the server rendered when the page was opened, before the stream could change anything.
            var atLoad = StatusAtLoad().Match(await response!.TextAsync()).Groups["status"].Value;
            // Open while it runs; an execution that ended before its page loaded holds no stream ("ended").
            await Assertions.Expect(tabs[i].Locator("body[data-live]")).ToHaveCountAsync(1, new() { Timeout = Wait });
            return (s, Tab: tabs[i], AtLoad: atLoad);
        }));
        TestContext.Current.TestOutputHelper?.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{clock.ElapsedMilliseconds} ms to open the five pages after the list showed them; status at load: {string.Join(", ", opened.Select(o => $"{o.s.Scenario} {o.AtLoad}"))}"));
        if (opened.FirstOrDefault(o => LongScenarios.Contains(o.s.Scenario) && o.AtLoad == "RUNNING") is { Tab: not null } waiting)
        {
            await Assertions.Expect(waiting.Tab.Locator("#graph g[data-state='StartJobAndWaitForCallback']")).ToHaveClassAsync(Running(), new() { Timeout = Wait });
            await Browser.ScreenshotAsync(waiting.Tab, "console-demo-waiting.png");
        }
        await Browser.ScreenshotAsync(page, "console-demo-executions.png");

        var observedLive = new List<string>();
        foreach (var (s, tab, atLoad) in opened)
        {
            await Assertions.Expect(tab.Locator("#execution-status")).ToHaveTextAsync(s.Status, new() { Timeout = Wait });
            await Assertions.Expect(tab.Locator($"#graph g[data-state='{s.EndState}']")).ToHaveClassAsync(new Regex($@"\b{s.EndClass}\b"), new() { Timeout = Wait });
            await Assertions.Expect(tab.Locator("#graph g.running")).ToHaveCountAsync(0, new() { Timeout = Wait });
            var history = await tab.EvaluateAsync<string[]>("Array.from(document.querySelectorAll('#history tbody tr td:nth-child(2)')).map(c => c.textContent)");
            Assert.Contains(s.Status == "SUCCEEDED" ? "ExecutionSucceeded" : "ExecutionFailed", history);
            if (atLoad == "RUNNING")
            {
                // Opened while running and never reloaded: the end can only have come over the stream.
                var live = await tab.EvaluateAsync<double[]>("window.consoleLatencyMs || []");
                Assert.True(live.Length > 0, $"{s.Scenario}: opened RUNNING, ended {s.Status}, but no event came over the stream");
                observedLive.Add(string.Create(CultureInfo.InvariantCulture, $"{s.Scenario} ({live.Length} events live, max {live.Max():0} ms)"));
            }
            await Browser.ScreenshotAsync(tab, $"console-demo-{s.Scenario}.png");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"graphs followed live: {string.Join("; ", observedLive)}");
        Assert.True(observedLive.Count > 0, "no scenario's page opened while its execution ran");

        // The workflow's page, never reloaded since the five appeared RUNNING on it: each row reached its scenario's end in place.
        foreach (var s in Scenarios)
        {
            var row = page.Locator("table.executions tbody tr", new() { HasTextString = executions[s.Scenario][0] });
            await Assertions.Expect(row.Locator(".badge")).ToHaveTextAsync(s.Status, new() { Timeout = Wait });
        }
        await Assertions.Expect(page.Locator("body[data-refreshed]")).ToHaveCountAsync(1);

        // The demo measures cost and reports as always, then keeps its LocalCloud open.
        await output.WaitForAsync(KeptOpen(), demo, TimeSpan.FromMinutes(10), ct);
        Assert.Contains("all 5 execution(s) ended as expected", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("report: ", output.ToString(), StringComparison.Ordinal);
        Assert.True(error.ToString().Length == 0, $"poc demo reported a failure: {error}");

        // By hand, in a tab of its own, so the workflow's page stays as it is.
        var hand = await context.NewPageAsync();
        await hand.GotoAsync(page.Url);
        await SendCallbackByHandAsync(hand);
    }

    /// <summary>
    /// Starts a callback execution from the workflow's page and answers its task with SendTaskSuccess from the execution's
    /// page. Its job never ends by itself and the poller's limits are far off, so only the hand can end the task.
    /// </summary>
    private static async Task SendCallbackByHandAsync(IPage page)
    {
        var input = JsonSerializer.Serialize(new { jobName = "by-hand", scenario = "never", maxAttempts = 1000, pollingTimeoutSeconds = 3600 });
        await page.FillAsync("form#start input[name='name']", "by-hand");
        await page.FillAsync("form#start textarea[name='input']", input);
        await page.ClickAsync("form#start button[type='submit']");
        await Assertions.Expect(page).ToHaveURLAsync(ByHandPage(), new() { Timeout = Wait });
        // create-job has returned once the task is submitted: the job runs and its token is parked in poc-task-tokens.
        try
        {
            await Assertions.Expect(page.Locator("#history tbody tr td:nth-child(2)", new() { HasTextString = "TaskSubmitted" })).ToHaveCountAsync(1, new() { Timeout = Wait });
        }
        catch (PlaywrightException e)
        {
            Assert.Fail($"{e.Message}\n{await DiagnoseAsync(page)}");
        }
        await page.FillAsync("table.waiting textarea[data-field='output']", """{"status":"COMPLETED","by":"hand"}""");
        await page.ClickAsync("table.waiting button[data-action='task-success']");
        await Assertions.Expect(page.Locator("#status")).ToHaveTextAsync("Send success: done", new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#graph g[data-state='JobSucceeded']")).ToHaveClassAsync(new Regex(@"\bvisited\b"), new() { Timeout = Wait });
        await Assertions.Expect(page.Locator("#execution-status")).ToHaveTextAsync("SUCCEEDED", new() { Timeout = Wait });
        await Browser.ScreenshotAsync(page, "console-demo-by-hand.png");
    }

    // What the browser and a plain HTTP client see of a page that did not come up, to tell a browser stall from a server one.
    private static async Task<string> DiagnoseAsync(IPage page)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
        string direct;
        try
        {
            using var response = await http.GetAsync(new Uri(page.Url));
            direct = $"{(int)response.StatusCode}, {(await response.Content.ReadAsStringAsync()).Length} characters";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            direct = $"{e.GetType().Name}: {e.Message}";
        }
        var dom = await page.EvaluateAsync<string>("document.readyState + ', ' + document.body.dataset.live + ', ' + document.documentElement.outerHTML.length + ' characters'");
        return $"at {page.Url}: the page is {dom}, says '{await page.InnerTextAsync("#status")}'; the same URL fetched directly: {direct}";
    }

    [GeneratedRegex(@"/execution\?arn=[^&]*by-hand$")]
    private static partial Regex ByHandPage();

    [GeneratedRegex(@"in the console: (?<url>http\S+)")]
    private static partial Regex ConsoleUrl();

    [GeneratedRegex(@"LocalCloud and its console stay open: http\S+ \(Ctrl\+C to stop\)")]
    private static partial Regex KeptOpen();

    [GeneratedRegex("""id="execution-status">(?<status>[A-Z_]+)<""")]
    private static partial Regex StatusAtLoad();

    [GeneratedRegex(@"\brunning\b")]
    private static partial Regex Running();
}
