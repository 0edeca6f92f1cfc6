using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tasks;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>The task-runner seam: one place maps a Resource to its runner, each with its pattern and dialect.</summary>
public sealed class TaskRunnerTests
{
    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:f", "lambda", "arn:aws:lambda:us-east-1:000000000000:function:f", IntegrationPattern.RequestResponse)]
    [InlineData("arn:aws:states:::lambda:invoke", "lambda", "invoke", IntegrationPattern.RequestResponse)]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", "lambda", "invoke", IntegrationPattern.WaitForTaskToken)]
    [InlineData("arn:aws:states:::states:startExecution.sync:2", "states", "startExecution", IntegrationPattern.Sync)]
    [InlineData("arn:aws:states:::dynamodb:putItem", "dynamodb", "putItem", IntegrationPattern.RequestResponse)]
    public void Parse_SplitsServiceOperationAndPattern(string arn, string type, string operation, IntegrationPattern pattern)
    {
        var resource = TaskResource.Parse(arn)!;
        Assert.Equal((type, operation, pattern), (resource.ResourceType, resource.Operation, resource.Pattern));
    }

    [Theory]
    [InlineData("arn:aws:lambda:us-east-1:000000000000:function:f", typeof(LambdaFunctionRunner))]
    [InlineData("arn:aws:states:::lambda:invoke", typeof(LambdaInvokeRunner))]
    [InlineData("arn:aws:states:::lambda:invoke.waitForTaskToken", typeof(LambdaInvokeRunner))]
    [InlineData("arn:aws:states:::dynamodb:deleteItem", typeof(DynamoDbRunner))]
    public void Resolve_MapsEachResourceToItsRunner(string arn, Type runner)
        => Assert.IsType(runner, TaskRunners.Default.Resolve(arn).Runner);

    [Theory]
    [InlineData("arn:aws:states:::dynamodb:putItem.waitForTaskToken")]
    [InlineData("arn:aws:states:::lambda:invoke.sync")]
    [InlineData("arn:aws:states:::dynamodb:scan")]
    [InlineData("arn:aws:states:::sqs:sendMessage")]
    [InlineData("arn:aws:states:::")]
    [InlineData("not-an-arn")]
    public void Resolve_AnythingElse_IsStatesRuntime(string arn)
    {
        var e = Assert.Throws<StatesFailureException>(() => TaskRunners.Default.Resolve(arn));
        Assert.Equal(StatesErrors.Runtime, e.Failure.Error);
    }

    [Fact]
    public void Resolve_ANewIntegration_IsOneRegistration()
    {
        var runners = new TaskRunners([new EchoRunner(), new LambdaInvokeRunner()]);
        Assert.IsType<EchoRunner>(runners.Resolve("arn:aws:states:::echo:say").Runner);
        Assert.IsType<LambdaInvokeRunner>(runners.Resolve("arn:aws:states:::lambda:invoke").Runner);
    }

    [Fact]
    public void Dialects_NameTheirEventsAsAws()
    {
        Assert.Equal("taskSubmittedEventDetails", TaskHistoryDialect.Member(TaskHistoryDialect.Task.Submitted!));
        Assert.Equal("lambdaFunctionTimedOutEventDetails", TaskHistoryDialect.Member(TaskHistoryDialect.LambdaFunction.TimedOut));
        Assert.Null(TaskHistoryDialect.LambdaFunction.Submitted);
    }

    private sealed class EchoRunner : ITaskRunner
    {
        public TaskHistoryDialect Dialect => TaskHistoryDialect.Task;

        public bool Runs(TaskResource resource) => resource.ResourceType == "echo";

        public Func<CancellationToken, Task<TaskOutcome>> Prepare(TaskResource resource, JsonNode? parameters, EngineEnvironment env, Execution execution)
            => _ => Task.FromResult<TaskOutcome>(new TaskOutcome.Succeeded(Events.Json(parameters)));
    }
}
