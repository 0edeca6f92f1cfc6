using System.Text.Json;

namespace LocalCloud.Core.Ports;

/// <summary>
/// The one way a LocalCloud service calls an API action of another service LocalCloud hosts, in-process, as the AWS
/// SDK would: Step Functions' aws-sdk:&lt;service&gt;:&lt;action&gt; tasks and Scheduler's templated and universal targets.
/// The host answers it by sending the wire request to the service's own dispatcher, so validation, errors and state are
/// exactly a client's. <c>service</c> is the name an aws-sdk Resource uses ("sfn", "lambda", "dynamodb", "scheduler");
/// <c>operation</c> is the API operation in PascalCase ("GetItem"); requests and responses carry the SDK's PascalCase
/// members (https://docs.aws.amazon.com/step-functions/latest/dg/supported-services-awssdk.html).
/// </summary>
public interface IAwsSdkInvoker
{
    /// <summary>Whether LocalCloud hosts <paramref name="service"/>.</summary>
    bool Hosts(string service);

    /// <summary>Whether <paramref name="service"/>'s API has the operation <paramref name="operation"/> at all.</summary>
    bool HasOperation(string service, string operation);

    /// <summary>
    /// Calls the operation with <paramref name="request"/> (a JSON object of PascalCase members) and returns the
    /// response members as a JSON object. A service error is thrown as <see cref="AwsServiceException"/> carrying its
    /// error code and HTTP status.
    /// </summary>
    Task<JsonElement> InvokeAsync(string service, string operation, JsonElement request, RequestContext context, CancellationToken cancellationToken);
}
