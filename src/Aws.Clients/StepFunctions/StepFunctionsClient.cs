using Aws.Clients.Runtime;
using Aws.Clients.Serialization;

namespace Aws.Clients.StepFunctions;

/// <summary>
/// AWS Step Functions over awsJson1_0 (X-Amz-Target: AWSStepFunctions.Operation), signed as "states".
/// Works against AWS, LocalCloud and LocalStack; see docs/aws-clients.md.
/// </summary>
public sealed class StepFunctionsClient
{
    private readonly AwsHttpPipeline pipeline;
    private readonly AwsJsonProtocol protocol;

    /// <summary>Creates a client; unset settings are resolved from the environment.</summary>
    public StepFunctionsClient(AwsClientConfig? config = null)
    {
        pipeline = new AwsHttpPipeline(AwsServiceDescriptor.StepFunctions, config);
        protocol = new AwsJsonProtocol(pipeline, "AWSStepFunctions", AwsJson.CamelCase);
    }

    /// <summary>The resolved region.</summary>
    public string Region => pipeline.Region;

    /// <summary>The resolved endpoint.</summary>
    public Uri Endpoint => pipeline.Endpoint;

    /// <summary>Creates a state machine.</summary>
    public Task<CreateStateMachineResponse> CreateStateMachineAsync(CreateStateMachineRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<CreateStateMachineRequest, CreateStateMachineResponse>("CreateStateMachine", request, cancellationToken);

    /// <summary>Updates a state machine's definition, role or settings.</summary>
    public Task<UpdateStateMachineResponse> UpdateStateMachineAsync(UpdateStateMachineRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<UpdateStateMachineRequest, UpdateStateMachineResponse>("UpdateStateMachine", request, cancellationToken);

    /// <summary>Describes a state machine.</summary>
    public Task<DescribeStateMachineResponse> DescribeStateMachineAsync(DescribeStateMachineRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<DescribeStateMachineRequest, DescribeStateMachineResponse>("DescribeStateMachine", request, cancellationToken);

    /// <summary>Lists state machines, one page.</summary>
    public Task<ListStateMachinesResponse> ListStateMachinesAsync(ListStateMachinesRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<ListStateMachinesRequest, ListStateMachinesResponse>("ListStateMachines", request, cancellationToken);

    /// <summary>Deletes a state machine.</summary>
    public Task<DeleteStateMachineResponse> DeleteStateMachineAsync(DeleteStateMachineRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<DeleteStateMachineRequest, DeleteStateMachineResponse>("DeleteStateMachine", request, cancellationToken);

    /// <summary>Starts an execution.</summary>
    public Task<StartExecutionResponse> StartExecutionAsync(StartExecutionRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<StartExecutionRequest, StartExecutionResponse>("StartExecution", request, cancellationToken);

    /// <summary>Describes an execution.</summary>
    public Task<DescribeExecutionResponse> DescribeExecutionAsync(DescribeExecutionRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<DescribeExecutionRequest, DescribeExecutionResponse>("DescribeExecution", request, cancellationToken);

    /// <summary>Lists executions, one page.</summary>
    public Task<ListExecutionsResponse> ListExecutionsAsync(ListExecutionsRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<ListExecutionsRequest, ListExecutionsResponse>("ListExecutions", request, cancellationToken);

    /// <summary>Gets one page of an execution's event history.</summary>
    public Task<GetExecutionHistoryResponse> GetExecutionHistoryAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<GetExecutionHistoryRequest, GetExecutionHistoryResponse>("GetExecutionHistory", request, cancellationToken);

    /// <summary>Stops an execution.</summary>
    public Task<StopExecutionResponse> StopExecutionAsync(StopExecutionRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<StopExecutionRequest, StopExecutionResponse>("StopExecution", request, cancellationToken);

    /// <summary>Completes a waiting .waitForTaskToken task with output.</summary>
    public Task<SendTaskSuccessResponse> SendTaskSuccessAsync(SendTaskSuccessRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<SendTaskSuccessRequest, SendTaskSuccessResponse>("SendTaskSuccess", request, cancellationToken);

    /// <summary>Fails a waiting .waitForTaskToken task.</summary>
    public Task<SendTaskFailureResponse> SendTaskFailureAsync(SendTaskFailureRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<SendTaskFailureRequest, SendTaskFailureResponse>("SendTaskFailure", request, cancellationToken);

    /// <summary>Reports that a waiting task is still alive (resets HeartbeatSeconds).</summary>
    public Task<SendTaskHeartbeatResponse> SendTaskHeartbeatAsync(SendTaskHeartbeatRequest request, CancellationToken cancellationToken = default) =>
        protocol.InvokeAsync<SendTaskHeartbeatRequest, SendTaskHeartbeatResponse>("SendTaskHeartbeat", request, cancellationToken);

    /// <summary>Gets the whole event history, following nextToken until the last page.</summary>
    public async Task<IReadOnlyList<HistoryEvent>> GetExecutionHistoryAllAsync(GetExecutionHistoryRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var events = new List<HistoryEvent>();
        var page = request;
        while (true)
        {
            var response = await GetExecutionHistoryAsync(page, cancellationToken).ConfigureAwait(false);
            events.AddRange(response.Events);
            if (string.IsNullOrEmpty(response.NextToken))
            {
                return events;
            }

            page = page with { NextToken = response.NextToken };
        }
    }
}
