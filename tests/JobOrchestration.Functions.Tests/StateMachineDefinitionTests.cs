using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Tests;

public class StateMachineDefinitionTests
{
    private static readonly string[] LambdaServiceErrors =
        ["Lambda.ServiceException", "Lambda.AWSLambdaException", "Lambda.SdkClientException", "Lambda.TooManyRequestsException"];

    public static TheoryData<string> Definitions => ["callback.asl.json", "polling-baseline.asl.json"];

    /// <summary>Both flavours: the JSONPath files and the same workflows in JSONata (poc deploy --query-language JSONata).</summary>
    public static TheoryData<string> BothFlavours => ["callback.asl.json", "polling-baseline.asl.json", "callback.jsonata.asl.json", "polling-baseline.jsonata.asl.json"];

    private static JsonObject Load(string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "statemachines", file)))!.AsObject();

    private static JsonObject States(JsonObject definition) => definition["States"]!.AsObject();

    private static JsonObject State(JsonObject definition, string name) =>
        States(definition)[name] as JsonObject ?? throw new InvalidOperationException($"No state {name}.");

    private static IEnumerable<string> Transitions(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is JsonValue value)
            {
                yield return value.GetValue<string>();
            }
        }

        foreach (var list in new[] { "Choices", "Catch" })
        {
            foreach (var rule in state[list]?.AsArray() ?? [])
            {
                yield return rule!["Next"]!.GetValue<string>();
            }
        }
    }

    private static string[] Strings(JsonNode? array) => [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    [Theory]
    [MemberData(nameof(BothFlavours))]
    public void Definition_EveryTransition_NamesAnExistingState(string file)
    {
        var definition = Load(file);
        var names = States(definition).Select(p => p.Key).ToHashSet();

        Assert.Contains(definition["StartAt"]!.GetValue<string>(), names);
        foreach (var (name, state) in States(definition))
        {
            Assert.All(Transitions(state!.AsObject()), next => Assert.True(names.Contains(next), $"{name} goes to missing state {next}"));
        }
    }

    [Theory]
    [MemberData(nameof(BothFlavours))]
    public void Definition_EveryState_IsReachableAndEveryPathCanEnd(string file)
    {
        var definition = Load(file);
        var reached = new HashSet<string>();
        var queue = new Queue<string>([definition["StartAt"]!.GetValue<string>()]);
        while (queue.TryDequeue(out var name))
        {
            if (reached.Add(name))
            {
                foreach (var next in Transitions(State(definition, name)))
                {
                    queue.Enqueue(next);
                }
            }
        }

        Assert.Equal(States(definition).Select(p => p.Key).Order(), reached.Order());
        foreach (var (name, state) in States(definition))
        {
            var type = state!["Type"]!.GetValue<string>();
            var terminal = type is "Succeed" or "Fail" || state["End"]?.GetValue<bool>() == true;
            Assert.True(terminal || state["Next"] is not null || type == "Choice", $"{name} neither ends nor moves on");
        }
    }

    [Theory]
    [MemberData(nameof(Definitions))]
    public void Definition_FailStates_ReportTheCaughtErrorAsTheExecutionError(string file)
    {
        var definition = Load(file);

        foreach (var name in new[] { "TimeoutState", "FailedState" })
        {
            var state = State(definition, name);
            Assert.Equal("Fail", state["Type"]!.GetValue<string>());
            Assert.Equal("$.error.Error", state["ErrorPath"]!.GetValue<string>());
            Assert.Equal("$.error.Cause", state["CausePath"]!.GetValue<string>());
        }
    }

    [Fact]
    public void Callback_WaitTask_InvokesCreateJobWithTokenExecutionAndInput()
    {
        var definition = Load("callback.asl.json");
        var task = State(definition, "StartJobAndWaitForCallback");

        Assert.Equal("arn:aws:states:::lambda:invoke.waitForTaskToken", task["Resource"]!.GetValue<string>());
        Assert.Equal("${CreateJobFunctionArn}", task["Parameters"]!["FunctionName"]!.GetValue<string>());
        var payload = task["Parameters"]!["Payload"]!.AsObject();
        Assert.Equal("$$.Task.Token", payload["taskToken.$"]!.GetValue<string>());
        Assert.Equal("$$.Execution.Id", payload["executionId.$"]!.GetValue<string>());
        Assert.Equal("$", payload["input.$"]!.GetValue<string>());
        Assert.Equal("$.taskTimeoutSeconds", task["TimeoutSecondsPath"]!.GetValue<string>());
        Assert.Equal("$.job", task["ResultPath"]!.GetValue<string>());
        Assert.Equal("Succeed", State(definition, task["Next"]!.GetValue<string>())["Type"]!.GetValue<string>());
    }

    [Fact]
    public void Callback_TaskTimeout_HasADefaultWhenTheInputOmitsIt()
    {
        var definition = Load("callback.asl.json");
        var choice = State(definition, definition["StartAt"]!.GetValue<string>());
        var rule = choice["Choices"]![0]!;
        var fallback = State(definition, choice["Default"]!.GetValue<string>());

        Assert.Equal("$.taskTimeoutSeconds", rule["Variable"]!.GetValue<string>());
        Assert.True(rule["IsPresent"]!.GetValue<bool>());
        Assert.Equal("StartJobAndWaitForCallback", rule["Next"]!.GetValue<string>());
        Assert.Equal("$.taskTimeoutSeconds", fallback["ResultPath"]!.GetValue<string>());
        Assert.True(fallback["Result"]!.GetValue<int>() > 3600, "the task timeout should outlast the default polling timeout");
        Assert.Equal("StartJobAndWaitForCallback", fallback["Next"]!.GetValue<string>());
    }

    [Fact]
    public void Callback_Catchers_SendTimeoutsToTimeoutStateBeforeTaskFailedCatchesEverythingElse()
    {
        // States.TaskFailed matches every error but States.Timeout, PollingTimeout included, so order decides.
        var task = State(Load("callback.asl.json"), "StartJobAndWaitForCallback");
        var catchers = task["Catch"]!.AsArray();

        Assert.Equal(2, catchers.Count);
        Assert.Equal(["States.Timeout", "PollingTimeout"], Strings(catchers[0]!["ErrorEquals"]));
        Assert.Equal("TimeoutState", catchers[0]!["Next"]!.GetValue<string>());
        Assert.Equal(["States.TaskFailed"], Strings(catchers[1]!["ErrorEquals"]));
        Assert.Equal("FailedState", catchers[1]!["Next"]!.GetValue<string>());
        Assert.All(catchers, c => Assert.Equal("$.error", c!["ResultPath"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("callback.asl.json", "StartJobAndWaitForCallback")]
    [InlineData("polling-baseline.asl.json", "CreateJob")]
    [InlineData("polling-baseline.asl.json", "CheckStatus")]
    [InlineData("callback.jsonata.asl.json", "StartJobAndWaitForCallback")]
    [InlineData("polling-baseline.jsonata.asl.json", "CreateJob")]
    [InlineData("polling-baseline.jsonata.asl.json", "CheckStatus")]
    public void LambdaTasks_RetryOnlyLambdaServiceErrors(string file, string stateName)
    {
        var retry = Assert.Single(State(Load(file), stateName)["Retry"]!.AsArray());

        Assert.Equal(LambdaServiceErrors, Strings(retry!["ErrorEquals"]));
        Assert.True(retry["MaxAttempts"]!.GetValue<int>() >= 1);
    }

    [Fact]
    public void Baseline_Tasks_CallTheSimulatedApiIdempotently()
    {
        var definition = Load("polling-baseline.asl.json");
        var create = State(definition, "CreateJob");
        var check = State(definition, "CheckStatus");

        Assert.All(new[] { create, check }, t => Assert.Equal("arn:aws:states:::lambda:invoke", t["Resource"]!.GetValue<string>()));
        Assert.All(new[] { create, check }, t => Assert.Equal("${SimulatedApiFunctionArn}", t["Parameters"]!["FunctionName"]!.GetValue<string>()));
        Assert.Equal("CREATE_JOB", create["Parameters"]!["Payload"]!["action"]!.GetValue<string>());
        Assert.Equal("$$.Execution.Id", create["Parameters"]!["Payload"]!["clientToken.$"]!.GetValue<string>());
        Assert.Equal("$.Payload.jobId", create["ResultSelector"]!["jobId.$"]!.GetValue<string>());
        Assert.Equal("CHECK_STATUS", check["Parameters"]!["Payload"]!["action"]!.GetValue<string>());
        Assert.Equal("$.createdJob", create["ResultPath"]!.GetValue<string>());
        Assert.Equal("$.createdJob.jobId", check["Parameters"]!["Payload"]!["jobId.$"]!.GetValue<string>());
        Assert.Equal("$.Payload", check["ResultSelector"]!["report.$"]!.GetValue<string>());
    }

    [Fact]
    public void Baseline_Defaults_CoverEveryOptionalFieldTheLoopReads()
    {
        var definition = Load("polling-baseline.asl.json");
        var defaulted = States(definition)
            .Where(p => p.Value!["Type"]!.GetValue<string>() == "Choice" && p.Value["Choices"]![0]!["IsPresent"] is not null)
            .Select(p => p.Value!["Choices"]![0]!["Variable"]!.GetValue<string>())
            .Order();

        Assert.Equal(["$.checksToComplete", "$.maxAttempts", "$.pollIntervalSeconds", "$.pollingTimeoutSeconds"], defaulted);
        Assert.Equal("$.pollIntervalSeconds", State(definition, "WaitForJob")["SecondsPath"]!.GetValue<string>());
    }

    [Fact]
    public void Baseline_StatusChoice_MatchesThePollerPrecedenceAndErrorNames()
    {
        var definition = Load("polling-baseline.asl.json");
        var rules = State(definition, "JobStatusChoice")["Choices"]!.AsArray();

        Assert.Equal(4, rules.Count);
        Assert.Equal("COMPLETED", rules[0]!["StringEquals"]!.GetValue<string>());
        Assert.Equal("FAILED", rules[1]!["StringEquals"]!.GetValue<string>());
        Assert.Equal("$.maxAttempts", rules[2]!["NumericGreaterThanEqualsPath"]!.GetValue<string>());
        Assert.Equal("$.pollingTimeoutSeconds", rules[3]!["NumericGreaterThanEqualsPath"]!.GetValue<string>());
        Assert.Equal("WaitForJob", State(definition, "JobStatusChoice")["Default"]!.GetValue<string>());

        string ErrorAfter(int rule) => State(definition, rules[rule]!["Next"]!.GetValue<string>())["Parameters"]!["Error"]!.GetValue<string>();
        string FailStateAfter(int rule) => State(definition, rules[rule]!["Next"]!.GetValue<string>())["Next"]!.GetValue<string>();
        Assert.Equal(("JobFailed", "FailedState"), (ErrorAfter(1), FailStateAfter(1)));
        Assert.Equal(("MaxAttemptsExceeded", "FailedState"), (ErrorAfter(2), FailStateAfter(2)));
        Assert.Equal(("PollingTimeout", "TimeoutState"), (ErrorAfter(3), FailStateAfter(3)));

        var output = State(definition, rules[0]!["Next"]!.GetValue<string>());
        Assert.Equal("$.job", output["ResultPath"]!.GetValue<string>());
        Assert.Equal(["attempts.$", "jobId.$", "result.$", "status.$"], output["Parameters"]!.AsObject().Select(p => p.Key).Order());
    }
}
