using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Every comparison operator, literal and ...Path forms, through a running Choice state.</summary>
public sealed class ChoiceTests
{
    [Theory]
    [InlineData("\"StringEquals\": \"b\"", "\"b\"", true)]
    [InlineData("\"StringLessThan\": \"c\"", "\"b\"", true)]
    [InlineData("\"StringGreaterThan\": \"c\"", "\"b\"", false)]
    [InlineData("\"StringLessThanEquals\": \"b\"", "\"b\"", true)]
    [InlineData("\"StringGreaterThanEquals\": \"c\"", "\"b\"", false)]
    [InlineData("\"StringMatches\": \"b*\"", "\"bee\"", true)]
    [InlineData("\"NumericEquals\": 5", "5.0", true)]
    [InlineData("\"NumericLessThan\": 5", "4", true)]
    [InlineData("\"NumericGreaterThan\": 5", "4", false)]
    [InlineData("\"NumericLessThanEquals\": 5", "5", true)]
    [InlineData("\"NumericGreaterThanEquals\": 5", "6", true)]
    [InlineData("\"NumericEquals\": 5", "\"5\"", false)]
    [InlineData("\"BooleanEquals\": true", "true", true)]
    [InlineData("\"TimestampEquals\": \"2025-01-01T00:00:00Z\"", "\"2025-01-01T01:00:00+01:00\"", true)]
    [InlineData("\"TimestampLessThan\": \"2025-01-01T00:00:00Z\"", "\"2024-12-31T23:59:59Z\"", true)]
    [InlineData("\"TimestampGreaterThan\": \"2025-01-01T00:00:00Z\"", "\"2024-12-31T23:59:59Z\"", false)]
    [InlineData("\"TimestampLessThanEquals\": \"2025-01-01T00:00:00Z\"", "\"2025-01-01T00:00:00Z\"", true)]
    [InlineData("\"TimestampGreaterThanEquals\": \"2025-01-01T00:00:00Z\"", "\"2025-01-02T00:00:00Z\"", true)]
    [InlineData("\"StringEqualsPath\": \"$.other\"", "\"o\"", true)]
    [InlineData("\"NumericGreaterThanPath\": \"$.num\"", "10", true)]
    [InlineData("\"BooleanEqualsPath\": \"$.flag\"", "false", true)]
    [InlineData("\"TimestampLessThanPath\": \"$.ts\"", "\"2000-01-01T00:00:00Z\"", true)]
    [InlineData("\"IsNull\": true", "null", true)]
    [InlineData("\"IsNumeric\": true", "\"1\"", false)]
    [InlineData("\"IsString\": true", "\"1\"", true)]
    [InlineData("\"IsBoolean\": false", "1", true)]
    [InlineData("\"IsTimestamp\": true", "\"2025-01-01T00:00:00Z\"", true)]
    [InlineData("\"IsTimestamp\": true", "\"yesterday\"", false)]
    public async Task Choice_Operator_SelectsBranch(string comparison, string value, bool matches)
    {
        await using var sfn = new SfnHarness();
        var definition = """{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.v","""
            + comparison
            + ""","Next":"Yes"}],"Default":"No"},"Yes":{"Type":"Pass","Result":"yes","End":true},"No":{"Type":"Pass","Result":"no","End":true}}}""";
        var input = $$"""{"v":{{value}},"other":"o","num":3,"flag":false,"ts":"2001-01-01T00:00:00Z"}""";

        var done = await sfn.FinishedAsync(await sfn.StartAsync(await sfn.CreateAsync(definition), input));

        Assert.Equal(matches ? "\"yes\"" : "\"no\"", done.Output);
    }

    [Fact]
    public async Task Choice_VariableMissing_StatesRuntimeButIsPresentFalse()
    {
        await using var sfn = new SfnHarness();
        var missing = await sfn.CreateAsync("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.nope","StringEquals":"x","Next":"Y"}]},"Y":{"Type":"Succeed"}}}""", "a");
        var present = await sfn.CreateAsync("""{"StartAt":"C","States":{"C":{"Type":"Choice","Choices":[{"Variable":"$.nope","IsPresent":false,"Next":"Y"}]},"Y":{"Type":"Succeed"}}}""", "b");

        Assert.Equal("States.Runtime", (await sfn.FinishedAsync(await sfn.StartAsync(missing))).Error);
        Assert.Equal("SUCCEEDED", (await sfn.FinishedAsync(await sfn.StartAsync(present))).Status);
    }
}
