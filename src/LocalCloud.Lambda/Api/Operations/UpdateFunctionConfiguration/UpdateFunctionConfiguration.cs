using LocalCloud.Core;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// PUT /2015-03-31/functions/{FunctionName}/configuration
/// (https://docs.aws.amazon.com/lambda/latest/api/API_UpdateFunctionConfiguration.html). Members left out keep
/// their value; warm workers are retired so the next invocation sees the new settings.
/// </summary>
internal sealed class UpdateFunctionConfiguration(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var current = state.Require(path, request);
        var input = LambdaJson.Read<UpdateFunctionConfigurationRequest>(request);
        LambdaBackend.RequireUpdatable(current);
        LambdaBackend.CheckRevision(input.RevisionId, current);
        if (input.Role is not null)
        {
            FunctionValidation.Role(input.Role);
        }
        var runtime = input.Runtime ?? current.Runtime;
        var kind = FunctionValidation.Runtime(runtime);
        var handler = input.Handler ?? current.Handler;
        FunctionValidation.Handler(handler, kind);
        var timeout = input.Timeout ?? current.Timeout;
        var memory = input.MemorySize ?? current.MemorySize;
        FunctionValidation.Timeout(timeout);
        FunctionValidation.MemorySize(memory);
        FunctionValidation.Description(input.Description);
        var variables = input.Environment is null ? current.Variables : FunctionValidation.Variables(input.Environment.Variables);

        var updated = current with
        {
            Role = input.Role ?? current.Role,
            Runtime = runtime,
            Handler = handler,
            Description = input.Description ?? current.Description,
            Timeout = timeout,
            MemorySize = memory,
            Variables = variables,
            LastModified = state.Time.GetUtcNow(),
            RevisionId = Guid.NewGuid().ToString(),
            LastUpdateStatus = FunctionStates.InProgress,
            LastUpdateStatusReason = null,
            LastUpdateStatusReasonCode = null,
        };
        state.Replace(updated, current);
        state.Engine.Retire(current.FunctionArn, deleteCode: false);
        state.Lifecycle.CompleteConfigurationUpdate(updated);
        return Task.FromResult(LambdaJson.Write(200, ConfigurationMapper.ToConfiguration(updated)));
    }
}
