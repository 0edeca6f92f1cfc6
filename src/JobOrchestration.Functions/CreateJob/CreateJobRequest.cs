using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.CreateJob;

/// <summary>
/// What the waitForTaskToken task sends: {"taskToken": $$.Task.Token, "executionId": $$.Execution.Id, "input": $}.
/// Optional limits fall back to the function's defaults.
/// </summary>
public sealed record CreateJobRequest(
    string TaskToken,
    string ExecutionArn,
    JobScenario Scenario,
    int? ChecksToComplete,
    int? MaxAttempts,
    int? PollingTimeoutSeconds)
{
    public static CreateJobRequest Parse(JsonObject payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        var taskToken = JsonPayload.RequiredString(payload, "taskToken");
        var executionArn = JsonPayload.RequiredString(payload, "executionId");
        var input = payload["input"] as JsonObject
            ?? throw new InvalidPayload("'input' is required and must be the workflow input object.");
        return new CreateJobRequest(
            taskToken,
            executionArn,
            JobScenarios.Parse(JsonPayload.RequiredString(input, "scenario", "input"), "input.scenario"),
            JsonPayload.OptionalInt(input, "checksToComplete", 1, "input"),
            JsonPayload.OptionalInt(input, "maxAttempts", 1, "input"),
            JsonPayload.OptionalInt(input, "pollingTimeoutSeconds", 1, "input"));
    }
}
