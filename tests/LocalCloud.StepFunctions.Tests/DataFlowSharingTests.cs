using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.DataFlow;
using LocalCloud.StepFunctions.Asl.JsonPath;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// The JSONPath data flow reads a state's input without copying it ("$" paths, Choice rules, ItemsPath) and lends a
/// Map state's context object to each item: these prove that no later write reaches a value an earlier state, a
/// variable or another iteration still holds.
/// </summary>
public sealed class DataFlowSharingTests
{
    [Fact]
    public void Finish_ResultPathIntoTheInput_WritesACopyAndLeavesTheInputAlone()
    {
        var raw = JsonNode.Parse("""{"a":{"b":1}}""")!;
        var io = new JsonPathIo(PathSpec.Root, PathSpec.Root, ResultPath: ReferencePath.TryParse("$.copy", out var path, out _) ? path : null);
        var scope = new DetachedScope();

        // Pass without Parameters: the value is the input itself.
        var output = io.Finish(scope, raw, io.SelectInput(scope, raw), ResultKind.None).Output!;
        output["a"]!["b"] = 2;
        output["copy"]!["a"]!["b"] = 3;

        Assert.Equal("""{"a":{"b":1}}""", raw.ToJsonString());
        Assert.Null(raw.Parent);
        Assert.Equal("""{"a":{"b":2},"copy":{"a":{"b":3}}}""", output.ToJsonString());
    }

    [Fact]
    public void Finish_OutputPathNarrower_GivesARootOfItsOwn()
    {
        var raw = JsonNode.Parse("""{"a":{"b":1}}""")!;
        var io = new JsonPathIo(PathSpec.Root, new PathSpec(JsonPathExpression.Parse("$.a")));
        var scope = new DetachedScope();

        var output = io.Finish(scope, raw, io.SelectInput(scope, raw), ResultKind.None).Output!;

        Assert.Null(output.Parent);
        output["b"] = 2;
        Assert.Equal("""{"a":{"b":1}}""", raw.ToJsonString());
    }

    [Fact]
    public async Task Map_IterationsReturningTheirItems_LeaveTheItemsForASecondMap()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync("""
            {"StartAt":"First","States":{
              "First":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.first","Next":"Second",
                "ItemProcessor":{"StartAt":"Same","States":{"Same":{"Type":"Succeed"}}}},
              "Second":{"Type":"Map","ItemsPath":"$.items","ResultPath":"$.second","End":true,
                "ItemProcessor":{"StartAt":"Mark","States":{"Mark":{"Type":"Pass","Result":true,"ResultPath":"$.seen","End":true}}}}}}
            """);

        var done = await sfn.FinishedAsync(await sfn.StartAsync(machine, """{"items":[{"a":1},{"a":2}]}"""));

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"items":[{"a":1},{"a":2}],"first":[{"a":1},{"a":2}],"second":[{"a":1,"seen":true},{"a":2,"seen":true}]}""", done.Output);
    }

    [Fact]
    public async Task Choice_PassesItsInputOn_ALaterWriteDoesNotReachAVariableOrTheHistory()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync("""
            {"StartAt":"Pick","States":{
              "Pick":{"Type":"Choice","Choices":[{"Variable":"$.n","NumericEquals":1,"Next":"Add","Assign":{"snap.$":"$"}}],"Default":"Add"},
              "Add":{"Type":"Pass","Result":{"x":1},"ResultPath":"$.added","Next":"Show"},
              "Show":{"Type":"Pass","Parameters":{"snap.$":"$snap","now.$":"$"},"End":true}}}
            """);

        var done = await sfn.FinishedAsync(await sfn.StartAsync(machine, """{"n":1}"""));

        Assert.True(done.Status == "SUCCEEDED", done.Cause);
        Assert.Equal("""{"snap":{"n":1},"now":{"n":1,"added":{"x":1}}}""", done.Output);
        var pickExited = done.History.Single(e => e.Type == "ChoiceStateExited");
        Assert.Equal("""{"n":1}""", pickExited.Details!["output"]!.GetValue<string>());
    }

    [Fact]
    public async Task Map_ItemSelectorContext_IsGoneOnceTheItemsAreBuilt()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync("""
            {"StartAt":"Each","States":{
              "Each":{"Type":"Map","ItemSelector":{"v.$":"$$.Map.Item.Value","i.$":"$$.Map.Item.Index"},
                "ItemProcessor":{"StartAt":"Same","States":{"Same":{"Type":"Pass","End":true}}},
                "ResultSelector":{"results.$":"$","state.$":"$$.State.Name"},"End":true}}}
            """);

        var done = await sfn.FinishedAsync(await sfn.StartAsync(machine, """["a","b"]"""));

        Assert.Equal("SUCCEEDED", done.Status);
        var output = JsonNode.Parse(done.Output!)!;
        Assert.Equal("""{"results":[{"v":"a","i":0},{"v":"b","i":1}],"state":"Each"}""", output.ToJsonString());
        var failed = await sfn.FinishedAsync(await sfn.StartAsync(await sfn.CreateAsync("""
            {"StartAt":"Each","States":{
              "Each":{"Type":"Map","ItemSelector":{"v.$":"$$.Map.Item.Value"},
                "ItemProcessor":{"StartAt":"Same","States":{"Same":{"Type":"Pass","End":true}}},
                "ResultSelector":{"map.$":"$$.Map"},"End":true}}}
            """, "after"), """["a"]"""));
        Assert.Equal("FAILED", failed.Status);
        Assert.Equal("States.ParameterPathFailure", failed.Error);
    }
}
