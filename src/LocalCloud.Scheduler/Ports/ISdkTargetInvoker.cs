using LocalCloud.Core;

namespace LocalCloud.Scheduler.Ports;

/// <summary>
/// How a schedule calls an API action of another service LocalCloud hosts: the templated Step Functions target
/// (StartExecution) and universal targets arn:aws:scheduler:::aws-sdk:&lt;service&gt;:&lt;apiAction&gt;
/// (https://docs.aws.amazon.com/scheduler/latest/UserGuide/managing-targets-universal.html). The host answers it by
/// calling the service's own operation handler, so validation and state are exactly a client's.
/// </summary>
public interface ISdkTargetInvoker
{
    /// <summary>True when <paramref name="service"/> (as the universal target's ARN names it: "sfn", "dynamodb") can be called.</summary>
    bool Serves(string service);

    /// <summary>Calls <paramref name="action"/> (camelCase, as in the ARN) with <paramref name="request"/> as its JSON request.</summary>
    /// <returns>The action's JSON response.</returns>
    /// <exception cref="AwsServiceException">The service answered an error.</exception>
    Task<string> InvokeAsync(string service, string action, string request, RequestContext context, CancellationToken cancellationToken);
}
