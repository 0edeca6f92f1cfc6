using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// A distributed Map's child executions beyond the first 100: the execution page pages through them with ListExecutions'
// own nextToken, for that Map Run only.
public sealed partial class MapRunPagingTests
{
    private const float Wait = 15_000;

    [Fact]
    public async Task DistributedMap_With150Children_ListsThemAllOverTwoPages()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        const string Distributed = """
            {"StartAt":"Fan","States":{"Fan":{"Type":"Map","ItemProcessor":{"ProcessorConfig":{"Mode":"DISTRIBUTED","ExecutionType":"STANDARD"},
              "StartAt":"P","States":{"P":{"Type":"Pass","End":true}}},"End":true}}}
            """;
        var machine = (await host.SfnAsync("CreateStateMachine", new { name = "distributed", definition = Distributed, roleArn = ConsoleHost.Role })).GetProperty("stateMachineArn").GetString()!;
        var execution = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine, name = "fan-out", input = JsonSerializer.Serialize(Enumerable.Range(1, 150)) }))
            .GetProperty("executionArn").GetString()!;
        await states.WaitForExecutionAsync(execution, TestContext.Current.CancellationToken);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync($"{host.ConsoleUrl}/execution?arn={Uri.EscapeDataString(execution)}");
        var section = page.Locator("section.lanes[data-lanes='Fan']");
        await Assertions.Expect(section.Locator("table.map-run tbody tr")).ToHaveCountAsync(100, new() { Timeout = Wait });
        await Assertions.Expect(section.Locator("p[data-map-run]")).ToHaveTextAsync(new Regex("150 child executions \\(150 succeeded\\), 1–100 shown$"));
        Assert.Equal(0, await section.Locator("a", new() { HasTextString = "First 100" }).CountAsync());
        var first = await ChildNamesAsync(page);

        await section.Locator("a[rel='next']").ClickAsync();
        await Assertions.Expect(section.Locator("p[data-map-run]")).ToHaveTextAsync(new Regex("101–150 shown$"), new() { Timeout = Wait });
        await Assertions.Expect(section.Locator("table.map-run tbody tr")).ToHaveCountAsync(50);
        Assert.Equal(0, await section.Locator("a[rel='next']").CountAsync());
        var second = await ChildNamesAsync(page);
        Assert.Empty(first.Intersect(second));
        var listed = (await host.SfnAsync("ListExecutions", new { mapRunArn = MapRunArn(await page.GetAttributeAsync("p[data-map-run]", "data-map-run")), maxResults = 1000 }))
            .GetProperty("executions").EnumerateArray().Select(e => e.GetProperty("name").GetString()!).Order(StringComparer.Ordinal);
        Assert.Equal(listed, first.Concat(second).Order(StringComparer.Ordinal));
        await Browser.AssertAccessibleAsync(page, "second page of a Map Run's children");

        // Back to the first 100, the same as before.
        await section.Locator("a", new() { HasTextString = "First 100 child executions" }).ClickAsync();
        await Assertions.Expect(section.Locator("p[data-map-run]")).ToHaveTextAsync(new Regex("1–100 shown$"), new() { Timeout = Wait });
        Assert.Equal(first, await ChildNamesAsync(page));
    }

    private static string MapRunArn(string? arn) => Assert.IsType<string>(arn);

    private static Task<string[]> ChildNamesAsync(IPage page)
        => page.EvaluateAsync<string[]>("Array.from(document.querySelectorAll(\"section.lanes[data-lanes='Fan'] table.map-run tbody tr td:first-child\")).map(c => c.textContent)");
}
