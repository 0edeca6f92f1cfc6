using System.Diagnostics;
using System.Text.Json.Nodes;
using Aws.Clients.StepFunctions;
using Poc.Cli.Cli;
using Poc.Cli.Deploy;
using Poc.Cli.Endpoints;
using Poc.Cli.Scenarios;

namespace Poc.Cli.Mocked;

/// <summary>
/// poc test --mocked as a library: both workflows run every scenario as a test case of the Step Functions Local mock
/// configuration in infra/statemachines/mocks/ (StartExecution on stateMachineArn#scenario), on a LocalCloud started with
/// that file. No function is deployed and no Lambda worker starts: every Task state answers from the file, so what is
/// tested is the workflows' routing (Choice, Retry, Catch, Fail) for each scenario's outcome, in a second or two.
/// </summary>
public static class MockedTest
{
    /// <summary>The mock configuration, relative to the repository root.</summary>
    public static readonly string ConfigFile = Path.Combine("infra", "statemachines", "mocks", "poc.mock.json");

    // The functions are never called; the ARNs only need to be valid for the definitions to be accepted.
    private const string PlaceholderFunction = "arn:aws:lambda:us-east-1:000000000000:function:";

    public static async Task<MockedTestResult> RunAsync(PocEnvironment env, int runs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var clock = Stopwatch.StartNew();
        var machines = new Dictionary<WorkflowKind, string>();
        foreach (var workflow in new[] { WorkflowKind.Callback, WorkflowKind.Baseline })
        {
            machines[workflow] = await DeployAsync(env, workflow, ct);
        }

        var outcomes = new List<MockedOutcome>();
        for (var run = 1; run <= runs; run++)
        {
            var started = new List<Task<MockedOutcome>>();
            foreach (var scenario in ScenarioCatalog.All)
            {
                started.Add(RunOneAsync(env.StepFunctions, machines[WorkflowKind.Callback], run, WorkflowKind.Callback, scenario, ct));
                if (scenario.AppliesToBaseline)
                {
                    started.Add(RunOneAsync(env.StepFunctions, machines[WorkflowKind.Baseline], run, WorkflowKind.Baseline, scenario, ct));
                }
            }
            outcomes.AddRange(await Task.WhenAll(started));
        }
        return new MockedTestResult(outcomes, clock.Elapsed);
    }

    /// <summary>The workflow input of a mocked run: the scenario's own, with no wait between the baseline's status checks.</summary>
    public static JsonObject Input(Scenario scenario, string jobName)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var input = scenario.BuildInput(jobName, 1);
        // The mocked checks answer at once; waiting a real second between them would only slow the test.
        input["pollIntervalSeconds"] = 0;
        return input;
    }

    private static async Task<string> DeployAsync(PocEnvironment env, WorkflowKind workflow, CancellationToken ct)
    {
        var file = WorkflowFlavour.JsonPath.DefinitionFile(workflow);
        var path = Path.Combine(env.RepoRoot, "infra", "statemachines", file);
        if (!File.Exists(path))
        {
            throw new PocException(Messages.DefinitionMissing(path));
        }
        var definition = AslTemplate.Substitute(await File.ReadAllTextAsync(path, ct), new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [AslTemplate.CreateJobFunctionArn] = PlaceholderFunction + PocResources.CreateJobFunction,
            [AslTemplate.SimulatedApiFunctionArn] = PlaceholderFunction + PocResources.SimulatedApiFunction,
        }, file);
        var name = workflow == WorkflowKind.Callback ? PocResources.CallbackStateMachine : PocResources.BaselineStateMachine;
        var (_, arn) = await new StateMachineDeployer(env.StepFunctions, env.RoleArn).DeployAsync(name, definition, ct);
        return arn;
    }

    private static async Task<MockedOutcome> RunOneAsync(StepFunctionsClient sfn, string machineArn, int run, WorkflowKind workflow, Scenario scenario, CancellationToken ct)
    {
        var name = $"mocked-{run}-{scenario.Name}-{Guid.NewGuid():N}";
        var started = await sfn.StartExecutionAsync(new StartExecutionRequest
        {
            StateMachineArn = $"{machineArn}#{scenario.Name}",
            Name = name,
            Input = Input(scenario, name).ToJsonString(),
        }, ct);
        var done = await WaitAsync(sfn, started.ExecutionArn, ct);
        return new MockedOutcome(run, workflow, scenario, done.ExecutionArn, done.Status, done.Error, done.Output);
    }

    private static async Task<DescribeExecutionResponse> WaitAsync(StepFunctionsClient sfn, string executionArn, CancellationToken ct)
    {
        // A mocked execution ends in milliseconds; a stuck one (a wrong mock) is reported, not waited on for ever.
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var described = await sfn.DescribeExecutionAsync(new DescribeExecutionRequest { ExecutionArn = executionArn }, ct);
            if (ExecutionStatuses.IsTerminal(described.Status) || deadline.Elapsed > TimeSpan.FromSeconds(30))
            {
                return described;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(10), ct);
        }
    }
}

/// <summary>One mocked execution: which scenario of which workflow in which run, and how it ended.</summary>
public sealed record MockedOutcome(int Run, WorkflowKind Workflow, Scenario Scenario, string ExecutionArn, string Status, string? Error, string? Output)
{
    /// <summary>The scenario's expected status and error; a success must also carry the completed job.</summary>
    public bool Passed => Status == Scenario.Expectation.ExecutionStatus
        && Error == Scenario.Expectation.Error
        && (!Scenario.Expectation.Succeeds || JobCompleted);

    private bool JobCompleted => Output is not null && JsonNode.Parse(Output)?["job"]?["status"]?.GetValue<string>() == "COMPLETED";
}

/// <summary>What poc test --mocked found.</summary>
public sealed record MockedTestResult(IReadOnlyList<MockedOutcome> Outcomes, TimeSpan Elapsed)
{
    public int Failed => Outcomes.Count(o => !o.Passed);

    /// <summary>True when something ran and everything ended as its scenario says.</summary>
    public bool Passed => Outcomes.Count > 0 && Failed == 0;
}
