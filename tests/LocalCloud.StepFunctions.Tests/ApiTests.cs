using LocalCloud.StepFunctions.Tests.Support;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Operations through the awsJson dispatcher: wire shapes and AWS's error codes.</summary>
public sealed class ApiTests
{
    private const string PassDefinition = """{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}""";
    private const string WaitDefinition = """{"StartAt":"W","States":{"W":{"Type":"Wait","Seconds":100,"End":true}}}""";

    [Fact]
    public async Task CreateStateMachine_SameAgain_IdempotentDifferentDefinition_AlreadyExists()
    {
        await using var sfn = new SfnHarness();
        var first = await sfn.OkAsync("CreateStateMachine", new { name = "m", definition = PassDefinition, roleArn = SfnHarness.Role });
        var again = await sfn.OkAsync("CreateStateMachine", new { name = "m", definition = PassDefinition, roleArn = SfnHarness.Role });
        var conflict = await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition = WaitDefinition, roleArn = SfnHarness.Role });

        Assert.Equal("arn:aws:states:us-east-1:000000000000:stateMachine:m", first["stateMachineArn"]!.GetValue<string>());
        Assert.Equal(first.ToJsonString(), again.ToJsonString());
        Assert.Equal("StateMachineAlreadyExists", conflict.Code);
        Assert.Equal(1735689600m, first["creationDate"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"Foo"}}}""",
        "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Foo at /States/A/Next'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","ResultSelector":{},"End":true}}}""",
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Field 'ResultSelector' is not supported at /States/A'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass"}}}""",
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: The field 'Next' or 'End' is required at /States/A'")]
    [InlineData("""{"StartAt":"Z","States":{"A":{"Type":"Succeed"}}}""",
        "Invalid State Machine Definition: 'MISSING_TRANSITION_TARGET: Missing 'Next' target: Z at /StartAt, MISSING_TRANSITION_TARGET: State \"A\" is not reachable. at /States/A'")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Retry":[{"ErrorEquals":["States.ALL","X"]}],"End":true}}}""",
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: States.ALL must appear alone in ErrorEquals at /States/T/Retry[0]/ErrorEquals'")]
    [InlineData("""{"StartAt":"T","States":{"T":{"Type":"Task","Resource":"arn:aws:states:::lambda:invoke","Catch":[{"ErrorEquals":["States.ALL"],"Next":"T"},{"ErrorEquals":["X"],"Next":"T"}],"End":true}}}""",
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: States.ALL must appear in the last Catcher at /States/T/Catch[0]/ErrorEquals'")]
    // Found by the hostile-input corpus (tests/LocalCloud.HostileInput.Tests/Corpus/invalid-asl.txt): each was accepted or a 500.
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","End":true},"A":{"Type":"Succeed"}}}""",
        "Invalid State Machine Definition: 'INVALID_JSON_DESCRIPTION: Duplicate property 'A' encountered during deserialization.'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","Next":"A"}}}""",
        "Invalid State Machine Definition: 'MISSING_END_STATE: Workflow has no terminal state at /States'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Task","Resource":"not-an-arn","End":true}}}""",
        "Invalid State Machine Definition: 'INVALID_RESOURCE: Invalid Resource: 'not-an-arn' at /States/A/Resource'")]
    [InlineData("""{"StartAt":"A","States":{"A":{"Type":"Choice","Choices":[{"Variable":"x","IsPresent":true,"Next":"B"}]},"B":{"Type":"Succeed"}}}""",
        "Invalid State Machine Definition: 'INVALID_JSON_PATH: Value is not a valid path: 'x' at /States/A/Choices[0]/Variable'")]
    [InlineData("""{"StartAt":"A","Comment":5,"States":{"A":{"Type":"Pass","End":true}}}""",
        "Invalid State Machine Definition: 'SCHEMA_VALIDATION_FAILED: Expected value of type: String at /Comment'")]
    public async Task CreateStateMachine_BadDefinition_InvalidDefinitionInAwsFormat(string definition, string message)
    {
        await using var sfn = new SfnHarness();
        var (code, text) = await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition, roleArn = SfnHarness.Role });
        Assert.Equal("InvalidDefinition", code);
        Assert.Equal(message, text);
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("slash/name")]
    [InlineData("")]
    public async Task CreateStateMachine_BadName_InvalidName(string name)
    {
        await using var sfn = new SfnHarness();
        Assert.Equal("InvalidName", (await sfn.ErrorAsync("CreateStateMachine", new { name, definition = PassDefinition, roleArn = SfnHarness.Role })).Code);
    }

    [Fact]
    public async Task CreateStateMachine_NoRole_ValidationException()
    {
        await using var sfn = new SfnHarness();
        Assert.Equal("ValidationException", (await sfn.ErrorAsync("CreateStateMachine", new { name = "m", definition = PassDefinition })).Code);
    }

    [Fact]
    public async Task StartExecution_UnknownMachineOrBadArn_AwsErrors()
    {
        await using var sfn = new SfnHarness();
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:nope" })).Code);
        Assert.Equal("InvalidArn", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = "nope" })).Code);
        Assert.Equal("ExecutionDoesNotExist", (await sfn.ErrorAsync("DescribeExecution", new { executionArn = "arn:aws:states:us-east-1:000000000000:execution:sm:x" })).Code);
    }

    [Fact]
    public async Task StartExecution_SameNameRunning_SameInputIdempotentOtherInputAlreadyExists()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(WaitDefinition);
        var first = await sfn.StartAsync(machine, """{"a":1}""", "run-1");
        var again = await sfn.StartAsync(machine, """{"a":1}""", "run-1");
        var other = await sfn.ErrorAsync("StartExecution", new { stateMachineArn = machine, name = "run-1", input = """{"a":2}""" });

        Assert.Equal(first, again);
        Assert.Equal("arn:aws:states:us-east-1:000000000000:execution:sm:run-1", first);
        Assert.Equal("ExecutionAlreadyExists", other.Code);
    }

    [Fact]
    public async Task StartExecution_SameNameAfterEnd_AlreadyExists()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(PassDefinition);
        var first = await sfn.StartAsync(machine, "{}", "once");
        await sfn.FinishedAsync(first);
        Assert.Equal("ExecutionAlreadyExists", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = machine, name = "once", input = "{}" })).Code);
    }

    [Theory]
    [InlineData("{bad json")]
    [InlineData("{\"a\":")]
    public async Task StartExecution_InputNotJson_InvalidExecutionInput(string input)
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(PassDefinition);
        Assert.Equal("InvalidExecutionInput", (await sfn.ErrorAsync("StartExecution", new { stateMachineArn = machine, input })).Code);
    }

    [Fact]
    public async Task ListExecutions_PagesNewestFirst_AndFiltersByStatus()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(WaitDefinition);
        var started = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            started.Add(await sfn.StartAsync(machine, "{}", $"e{i}"));
            sfn.Time.Advance(TimeSpan.FromSeconds(1));
        }
        await sfn.OkAsync("StopExecution", new { executionArn = started[0] });

        var page1 = await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, maxResults = 2 });
        var page2 = await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, maxResults = 2, nextToken = page1["nextToken"]!.GetValue<string>() });
        var page3 = await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, maxResults = 2, nextToken = page2["nextToken"]!.GetValue<string>() });
        var aborted = await sfn.OkAsync("ListExecutions", new { stateMachineArn = machine, statusFilter = "ABORTED" });

        var names = new[] { page1, page2, page3 }.SelectMany(p => p["executions"]!.AsArray()).Select(e => e!["name"]!.GetValue<string>());
        Assert.Equal(["e4", "e3", "e2", "e1", "e0"], names);
        Assert.Null(page3["nextToken"]);
        Assert.Equal("e0", Assert.Single(aborted["executions"]!.AsArray())!["name"]!.GetValue<string>());
        Assert.Equal("InvalidToken", (await sfn.ErrorAsync("ListExecutions", new { stateMachineArn = machine, nextToken = "garbage" })).Code);
    }

    [Fact]
    public async Task DescribeStateMachine_UpdateAndList_ReflectChanges()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync(PassDefinition, "alpha");
        await sfn.CreateAsync(PassDefinition, "beta");
        await sfn.OkAsync("UpdateStateMachine", new { stateMachineArn = machine, definition = WaitDefinition });

        var described = await sfn.OkAsync("DescribeStateMachine", new { stateMachineArn = machine });
        var listed = await sfn.OkAsync("ListStateMachines", new { maxResults = 1 });
        await sfn.OkAsync("DeleteStateMachine", new { stateMachineArn = machine });

        Assert.Equal(WaitDefinition, described["definition"]!.GetValue<string>());
        Assert.Equal("STANDARD", described["type"]!.GetValue<string>());
        Assert.Equal("ACTIVE", described["status"]!.GetValue<string>());
        Assert.Single(listed["stateMachines"]!.AsArray());
        Assert.NotNull(listed["nextToken"]);
        Assert.Equal("StateMachineDoesNotExist", (await sfn.ErrorAsync("DescribeStateMachine", new { stateMachineArn = machine })).Code);
    }

    [Fact]
    public async Task UnknownOperation_AnswersUnknownOperationException()
    {
        await using var sfn = new SfnHarness();
        var (code, message) = await sfn.ErrorAsync("CreateWorkflowOfTheFuture", new { name = "a" });
        Assert.Equal(("UnknownOperationException", "Unknown operation CreateWorkflowOfTheFuture."), (code, message));
    }

    /// <summary>Every operation of AWS's model is served: none answers UnknownOperationException (an empty request gets its own validation error instead).</summary>
    [Fact]
    public async Task EveryOperationOfTheApiModel_IsServed()
    {
        var model = Path.GetFullPath(Path.Combine(RepositoryRoot(), "..", "shared", "data", "aws-api-models", "stepfunctions.json"));
        if (!File.Exists(model))
        {
            Assert.Skip($"The Step Functions API model is not at {model} (../shared/data/aws-api-models from the repository root).");
        }
        var operations = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(model, TestContext.Current.CancellationToken))!["operations"]!.AsObject()
            .Select(o => o.Key).ToList();
        Assert.True(operations.Count >= 37, $"the model lists {operations.Count} operations");
        await using var sfn = new SfnHarness();
        var unserved = new List<string>();
        foreach (var operation in operations)
        {
            var (_, json) = await sfn.CallAsync(operation, new { });
            if (json["__type"]?.GetValue<string>().EndsWith("#UnknownOperationException", StringComparison.Ordinal) == true)
            {
                unserved.Add(operation);
            }
        }
        Assert.Empty(unserved);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CallbackPoc.slnx")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root (CallbackPoc.slnx) is not above the test's folder.");
    }

    [Fact]
    public async Task Errors_UseAwsNamespaceInType()
    {
        await using var sfn = new SfnHarness();
        var (_, body) = await sfn.CallAsync("DescribeStateMachine", new { stateMachineArn = "arn:aws:states:us-east-1:000000000000:stateMachine:none" });
        Assert.Equal("com.amazonaws.swf.service.model#StateMachineDoesNotExist", body["__type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Usage_CountsStateTransitionsAndExecutions()
    {
        await using var sfn = new SfnHarness();
        var machine = await sfn.CreateAsync("""{"StartAt":"A","States":{"A":{"Type":"Pass","Next":"B"},"B":{"Type":"Pass","End":true}}}""");
        await sfn.FinishedAsync(await sfn.StartAsync(machine));
        Assert.Equal(2, sfn.Usage.Get("states", "StateTransitions", machine));
        Assert.Equal(1, sfn.Usage.Get("states", "ExecutionsStarted", machine));
    }
}
