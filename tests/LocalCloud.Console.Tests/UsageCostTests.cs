using System.Globalization;
using Microsoft.Playwright;

namespace LocalCloud.Console.Tests;

// The usage meter on the overview: each counter's billing units beside what they cost at AWS's list price.
public sealed class UsageCostTests
{
    [Fact]
    public async Task UsageMeter_ShowsTheListPriceCost_OfEachCounter_AndTheirTotal()
    {
        Browser.SkipUnlessInstalled();
        await using var host = await ConsoleHost.StartAsync();
        var states = host.Server.ServiceSet.Get<StepFunctions.StepFunctionsService>();
        var machine = (await host.SfnAsync("CreateStateMachine", new
        {
            name = "priced",
            definition = """{"StartAt":"One","States":{"One":{"Type":"Pass","Next":"Two"},"Two":{"Type":"Pass","End":true}}}""",
            roleArn = ConsoleHost.Role,
        })).GetProperty("stateMachineArn").GetString()!;
        for (var i = 0; i < 3; i++)
        {
            var arn = (await host.SfnAsync("StartExecution", new { stateMachineArn = machine })).GetProperty("executionArn").GetString()!;
            await states.WaitForExecutionAsync(arn, TestContext.Current.CancellationToken);
        }
        await host.DynamoAsync("CreateTable", new
        {
            TableName = "priced",
            BillingMode = "PAY_PER_REQUEST",
            AttributeDefinitions = new[] { new { AttributeName = "id", AttributeType = "S" } },
            KeySchema = new[] { new { AttributeName = "id", KeyType = "HASH" } },
        });
        await host.DynamoAsync("PutItem", new { TableName = "priced", Item = new { id = new { S = "a" } } });

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        await page.GotoAsync(host.ConsoleUrl);

        // us-east-1 list prices (aws.amazon.com/step-functions/pricing, /dynamodb/pricing/on-demand), no free tier.
        var transitions = await RowAsync(page, "states", "StateTransitions");
        Assert.True(transitions.Amount >= 6, $"{transitions.Amount} transitions for 3 executions of 2 states");
        Assert.Equal(transitions.Amount * 0.025 / 1000, transitions.Usd, 10);
        Assert.Equal("$0.025 per 1,000", transitions.Price);
        var writes = await RowAsync(page, "dynamodb", "WriteCapacityUnits");
        Assert.Equal(1, writes.Amount);
        Assert.Equal(0.625 / 1_000_000, writes.Usd, 12);

        var rows = await page.Locator("table.usage tbody tr").CountAsync();
        var sum = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var cost = await page.Locator("table.usage tbody tr").Nth(i).Locator("td").Nth(5).InnerTextAsync();
            sum += cost == "—" ? 0 : double.Parse(cost, CultureInfo.InvariantCulture);
        }
        var total = double.Parse(await page.Locator("table.usage tfoot td").GetAttributeAsync("data-total-usd") ?? "", CultureInfo.InvariantCulture);
        Assert.Equal(sum, total, 1e-12);
        Assert.True(total > 0);
        await Assertions.Expect(page.Locator("section[data-live-region='usage'] p.note")).ToContainTextAsync("us-east-1 checked 2026-11-26");
        await Browser.AssertAccessibleAsync(page, "overview with the usage meter");
        await page.Locator("section[data-live-region='usage']").ScrollIntoViewIfNeededAsync();
        await Browser.ScreenshotAsync(page, "console-usage-cost.png");
    }

    private static async Task<(double Amount, string Price, double Usd)> RowAsync(IPage page, string service, string metric)
    {
        var row = page.Locator("table.usage tbody tr").Filter(new() { Has = page.Locator($"td:nth-child(1):text-is('{service}')") }).Filter(new() { Has = page.Locator($"td:nth-child(2):text-is('{metric}')") });
        await Assertions.Expect(row).ToHaveCountAsync(1);
        var cells = await row.Locator("td").AllInnerTextsAsync();
        return (double.Parse(cells[3], CultureInfo.InvariantCulture), cells[4], double.Parse(cells[5], CultureInfo.InvariantCulture));
    }
}
