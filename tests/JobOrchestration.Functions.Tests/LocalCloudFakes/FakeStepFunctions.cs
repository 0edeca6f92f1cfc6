using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Protocols;

namespace JobOrchestration.Functions.Tests.LocalCloudFakes;

/// <summary>
/// Step Functions' task-token callbacks as AWS answers them, behind the real StepFunctionsClient: a parked task accepts
/// one SendTaskSuccess/SendTaskFailure; any callback after that, or after the task timed out, gets TaskTimedOut
/// ("the task token has either expired or the task associated with the token has already been closed",
/// https://docs.aws.amazon.com/step-functions/latest/apireference/API_SendTaskSuccess.html#API_SendTaskSuccess_Errors).
/// A token it never issued gets InvalidToken. Every accepted and rejected callback is recorded.
/// </summary>
internal sealed class FakeStepFunctions : IServiceEndpoint
{
    private readonly ConcurrentDictionary<string, TaskState> tasks = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<AcceptedCallback> accepted = new();
    private readonly ConcurrentQueue<(string Token, string ErrorCode)> rejected = new();

    private enum TaskState
    {
        Waiting,
        Answered,
        TimedOut,
    }

    public string Name => "states";

    public IReadOnlyList<string> TargetPrefixes { get; } = ["AWSStepFunctions"];

    public IReadOnlyList<string> PathPrefixes { get; } = [];

    public IReadOnlyList<AcceptedCallback> Accepted => [.. accepted];

    public IReadOnlyList<(string Token, string ErrorCode)> Rejected => [.. rejected];

    /// <summary>A waitForTaskToken task is parked on the token.</summary>
    public void Park(string token) => tasks[token] = TaskState.Waiting;

    /// <summary>The task's TimeoutSeconds fired: the execution moved on without a callback.</summary>
    public void TimeOut(string token) => tasks[token] = TaskState.TimedOut;

    public IReadOnlyList<AcceptedCallback> AcceptedFor(string token) => [.. accepted.Where(c => c.Token == token)];

    public Task<ServiceResponse> HandleAsync(ServiceRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var operation = request.Headers.TryGetValue("X-Amz-Target", out var target) ? target.Split('.')[^1] : string.Empty;
        var body = JsonNode.Parse(request.Body.Span)!.AsObject();
        var token = body["taskToken"]?.GetValue<string>() ?? string.Empty;
        if (operation is not ("SendTaskSuccess" or "SendTaskFailure"))
        {
            return Task.FromResult(Error("UnknownOperationException", $"The fake answers task callbacks only, not {operation}.", token));
        }

        lock (tasks)
        {
            if (!tasks.TryGetValue(token, out var state))
            {
                return Task.FromResult(Error("InvalidToken", "Invalid token", token));
            }

            if (state != TaskState.Waiting)
            {
                return Task.FromResult(Error("TaskTimedOut", "Task Timed Out: 'Provided task does not exist anymore'", token));
            }

            tasks[token] = TaskState.Answered;
            accepted.Enqueue(operation == "SendTaskSuccess"
                ? new AcceptedCallback(token, body["output"]!.GetValue<string>(), null, null)
                : new AcceptedCallback(token, null, body["error"]?.GetValue<string>(), body["cause"]?.GetValue<string>()));
        }

        return Task.FromResult(ServiceResponse.Json(200, "{}"u8.ToArray(), "application/x-amz-json-1.0"));
    }

    private ServiceResponse Error(string code, string message, string token)
    {
        rejected.Enqueue((token, code));
        return AwsErrors.AwsJson(new AwsServiceException(code, message, 400), "com.amazonaws.swf.service.v2.model");
    }
}
