using System.Globalization;
using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// PUT /2017-10-31/functions/{FunctionName}/concurrency (https://docs.aws.amazon.com/lambda/latest/api/API_PutFunctionConcurrency.html).
/// Beyond the reservation, synchronous invocations get TooManyRequestsException and Event invocations wait in the
/// queue; 0 stops every invocation.
/// </summary>
internal sealed class PutFunctionConcurrency(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var function = state.Require(FunctionReference.Parse(path.GetValueOrDefault("FunctionName"), request.Context));
        var input = LambdaJson.Read<PutFunctionConcurrencyRequest>(request);
        if (input.ReservedConcurrentExecutions is not { } reserved)
        {
            throw LambdaErrors.Validation("reservedConcurrentExecutions", "null", "Member must not be null");
        }
        if (reserved < 0)
        {
            throw LambdaErrors.Validation("reservedConcurrentExecutions", reserved.ToString(CultureInfo.InvariantCulture), "Member must have value greater than or equal to 0");
        }
        var others = AccountLimits.Reserved(state.Store.List(function.AccountId, function.Region).Where(f => f.FunctionName != function.FunctionName));
        if (AccountLimits.ConcurrentExecutions - others - reserved < AccountLimits.MinimumUnreservedConcurrency)
        {
            throw LambdaErrors.InvalidParameter($"Specified ReservedConcurrentExecutions for function decreases account's UnreservedConcurrentExecution below its minimum value of [{AccountLimits.MinimumUnreservedConcurrency}].");
        }
        state.Change(function, r => r with { ReservedConcurrentExecutions = reserved });
        state.Limiter.Signal();
        return Task.FromResult(LambdaJson.Write(200, new ConcurrencyShape(reserved)));
    }
}
