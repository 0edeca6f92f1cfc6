using System.Text.Json.Nodes;
using LocalCloud.Core.Persistence;
using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>
/// QueryLanguage rules at create and validate time, the callback pattern written in JSONata, variables across a
/// restart, and the limits on what Assign may hold. Behaviour inside states is in Cases/jsonata-* and Cases/variables-*.
/// </summary>
public sealed class JsonataTests
{
    private const string Prefix = "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: ";

    [Theory]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","QueryLanguage":"JSONPath","End":true}}}""",
        "A state may not use the JSONPath query language when the state machine's QueryLanguage is JSONata at /States/A/QueryLanguage'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","InputPath":"$.a","End":true}}}""",
        "The field 'InputPath' is not supported when the QueryLanguage is JSONata at /States/A/InputPath'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Parameters":{},"End":true}}}""",
        "The field 'Parameters' is not supported when the QueryLanguage is JSONata at /States/A/Parameters'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Map","ItemsPath":"$.x","ItemProcessor":{"StartAt":"B","States":{"B":{"Type":"Succeed"}}},"End":true}}}""",
        "The field 'ItemsPath' is not supported when the QueryLanguage is JSONata at /States/A/ItemsPath'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Wait","SecondsPath":"$.s","End":true}}}""",
        "The field 'SecondsPath' is not supported when the QueryLanguage is JSONata at /States/A/SecondsPath'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Output":{"a":1},"End":true}}}""",
        "The field 'Output' is not supported when the QueryLanguage is JSONPath at /States/A/Output'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{},"End":true}}}""",
        "The field 'Arguments' is not supported when the QueryLanguage is JSONPath at /States/A/Arguments'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"ResultPath":"$.e","Next":"A"}],"End":true}}}""",
        "The field 'ResultPath' is not supported when the QueryLanguage is JSONata at /States/A/Catch[0]/ResultPath'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":{"x":"{% $states.input. %}"},"End":true}}}""",
        "The JSONata expression '$states.input.' specified for the field 'Output/x' is invalid: S0207: Unexpected end of expression at /States/A/Output/x'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% $states.input.a ?? 0 %}","End":true}}}""",
        "The JSONata expression '$states.input.a ?? 0' specified for the field 'Output' is invalid: S0211: The symbol \"?\" cannot be used as a unary operator at /States/A/Output'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"bad-name":1},"End":true}}}""",
        "The variable name 'bad-name' is invalid: a name starts with a letter or '_', holds only letters, digits and '_', is at most 80 characters and is not 'states' at /States/A/Assign/bad-name'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Assign":{"states":1},"End":true}}}""",
        "The variable name 'states' is invalid: a name starts with a letter or '_', holds only letters, digits and '_', is at most 80 characters and is not 'states' at /States/A/Assign/states'")]
    [InlineData("""{"QueryLanguage":"JSONPatch","StartAt":"A","States":{"A":{"Type":"Pass","End":true}}}""",
        "Value is not valid for QueryLanguage: 'JSONPatch' (expected 'JSONPath' or 'JSONata') at /QueryLanguage'")]
    [InlineData("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"$.a","IsPresent":true,"Next":"B"}]},"B":{"Type":"Succeed"}}}""",
        "Field 'Variable' is not supported at /States/A/Choices[0], SCHEMA_VALIDATION_FAILED: Field 'IsPresent' is not supported at /States/A/Choices[0], "
        + "SCHEMA_VALIDATION_FAILED: These fields are required: [Condition] at /States/A/Choices[0]'")]
    public async Task CreateStateMachine_QueryLanguageRules_InvalidDefinitionAtTheField(string definition, string message)
    {
        await using var sfn = new SfnHarness();
        var (code, text) = await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition, roleArn = SfnHarness.Role });
        Assert.Equal("InvalidDefinition", code);
        Assert.Equal(Prefix + message, text);
    }

    [Fact]
    public async Task ValidateStateMachineDefinition_JsonPathFieldInJsonataState_DiagnosticAtTheField()
    {
        await using var sfn = new SfnHarness();
        const string definition = """{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","OutputPath":"$.x","Output":"{% 1 + %}","End":true}}}""";
        var result = await sfn.OkAsync("ValidateStateMachineDefinition", new { definition });

        Assert.Equal("FAIL", result["result"]!.GetValue<string>());
        var diagnostics = result["diagnostics"]!.AsArray().Select(d => (d!["code"]!.GetValue<string>(), d["location"]!.GetValue<string>())).ToList();
        Assert.Contains(("SCHEMA_VALIDATION_FAILED", "/States/A/OutputPath"), diagnostics);
        Assert.Contains(("SCHEMA_VALIDATION_FAILED", "/States/A/Output"), diagnostics);
    }

    [Fact]
    public async Task Callback_JsonataArgumentsCarryTheToken_SendTaskSuccessCompletesWithOutputAndVariables()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync("""
            {"QueryLanguage":"JSONata","StartAt":"Wait for job","States":{
              "Wait for job":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Arguments":{"FunctionName":"create-job","Payload":{"token":"{% $states.context.Task.Token %}","job":"{% $states.input.job %}"}},
                "HeartbeatSeconds":"{% $states.input.heartbeat %}",
                "Assign":{"jobResult":"{% $states.result.value %}"},
                "Output":{"job":"{% $states.input.job %}","result":"{% $states.result %}"},
                "Next":"Report"},
              "Report":{"Type":"Pass","Output":{"job":"{% $states.input.job %}","value":"{% $jobResult %}"},"End":true}}}
            """);
        var execution = await sfn.StartAsync(arn, """{"job":"j1","heartbeat":60}""");
        await sfn.IdleAsync(execution);

        var sent = JsonNode.Parse(sfn.Lambda.PayloadText(0))!;
        Assert.Equal("j1", sent["job"]!.GetValue<string>());
        Assert.True(LocalCloud.StepFunctions.Engine.Tokens.TaskTokenFormat.IsWellFormed(sent["token"]!.GetValue<string>()));
        await sfn.OkAsync("SendTaskSuccess", new { taskToken = sfn.TokenSent(), output = """{"value":42}""" });
        var done = await sfn.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"job":"j1","value":42}""", done.Output);
        var scheduled = done.History.Single(e => e.Type == "TaskScheduled").Details!;
        Assert.Equal(60, scheduled["heartbeatInSeconds"]!.GetValue<long>());
    }

    [Fact]
    public async Task Restart_WaitingWithVariables_VariablesStillReadAfterTheRestart()
    {
        var before = new SfnHarness(new InMemoryDurableStore());
        var arn = await before.CreateAsync("""
            {"StartAt":"Remember","States":{
              "Remember":{"Type":"Pass","Assign":{"customer.$":"$.customer","attempt":1},"Next":"Wait"},
              "Wait":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke.waitForTaskToken",
                "Parameters":{"FunctionName":"create-job","Payload":{"token.$":"$$.Task.Token"}},"Next":"Use"},
              "Use":{"Type":"Pass","QueryLanguage":"JSONata","Output":{"customer":"{% $customer %}","attempt":"{% $attempt %}"},"End":true}}}
            """);
        var execution = await before.StartAsync(arn, """{"customer":"c-9"}""");
        await before.IdleAsync(execution);
        var token = before.TokenSent();

        await using var after = before.Restart(TimeSpan.FromSeconds(5));
        await after.OkAsync("SendTaskSuccess", new { taskToken = token, output = "{}" });
        var done = await after.FinishedAsync(execution);

        Assert.Equal("SUCCEEDED", done.Status);
        Assert.Equal("""{"customer":"c-9","attempt":1}""", done.Output);
    }

    [Fact]
    public async Task Assign_OverTheLimitPerField_StatesDataLimitExceeded()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync("""
            {"QueryLanguage":"JSONata","StartAt":"Big","States":{"Big":{"Type":"Pass","Assign":{"big":"{% $join($map([1..300000], function($i){'x'}), '') %}"},"End":true}}}
            """);
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("FAILED", done.Status);
        Assert.Equal("States.DataLimitExceeded", done.Error);
        Assert.Contains("262144 bytes per Assign field", done.Cause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expression_ThatThrows_QueryEvaluationErrorNamingTheJsonataError()
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Pass","Output":"{% 'a' + 1 %}","End":true}}}""");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("States.QueryEvaluationError", done.Error);
        Assert.StartsWith("An error occurred while executing the state 'A' (entered at the event id #2). The JSONata expression ''a' + 1' specified for the field 'Output' threw an error during evaluation: T2001:",
            done.Cause, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"TimeoutSeconds\":\"{% 'soon' %}\"", "TimeoutSeconds", "positive integer")]
    [InlineData("\"TimeoutSeconds\":\"{% -5 %}\"", "TimeoutSeconds", "positive integer")]
    public async Task TaskLimit_OfTheWrongType_QueryEvaluationError(string field, string name, string expected)
    {
        await using var sfn = new SfnHarness();
        var arn = await sfn.CreateAsync("""{"QueryLanguage":"JSONata","StartAt":"A","States":{"A":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Arguments":{"FunctionName":"f"},"""
            + field + ""","End":true}}}""");
        var done = await sfn.RunToEndAsync(await sfn.StartAsync(arn), TimeSpan.FromSeconds(1));

        Assert.Equal("States.QueryEvaluationError", done.Error);
        Assert.Contains($"specified for the field '{name}' returned an unexpected result type. Expected '{expected}'", done.Cause, StringComparison.Ordinal);
        Assert.Empty(sfn.Lambda.Invocations);
    }
}
