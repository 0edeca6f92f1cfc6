using System.Text.Json;
using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Ports;

/// <summary>
/// How aws-sdk:&lt;service&gt;:&lt;action&gt; tasks reach the services LocalCloud hosts, in-process, through each service's
/// own dispatcher (the host adapts it). <c>service</c> is the SDK service name as the Resource spells it ("dynamodb",
/// "lambda", "sfn", "scheduler"); <c>operation</c> is the API operation name in PascalCase ("GetItem").
/// </summary>
public interface IAwsSdkInvoker
{
    /// <summary>Whether LocalCloud hosts <paramref name="service"/>.</summary>
    bool Hosts(string service);

    /// <summary>Whether <paramref name="service"/> has the API operation <paramref name="operation"/> at all.</summary>
    bool HasOperation(string service, string operation);

    /// <summary>
    /// Calls the operation with the PascalCase request the state built and returns the response members as JSON.
    /// A service error is thrown as <see cref="AwsServiceException"/> carrying its error code.
    /// </summary>
    Task<JsonElement> InvokeAsync(string service, string operation, JsonElement request, RequestContext context, CancellationToken cancellationToken);
}
