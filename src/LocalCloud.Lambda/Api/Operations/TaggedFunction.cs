using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>The {Resource} of the tag operations: a function ARN (the only taggable resource LocalCloud has).</summary>
internal static class TaggedFunction
{
    public static FunctionRecord Require(LambdaBackend state, IReadOnlyDictionary<string, string> path, ServiceRequest request)
    {
        var resource = path.GetValueOrDefault("Resource") ?? string.Empty;
        if (!resource.StartsWith("arn:", StringComparison.Ordinal) || !resource.Contains(":function:", StringComparison.Ordinal))
        {
            throw LambdaErrors.Validation("resource", resource, "Member must satisfy regular expression pattern: arn:(aws[a-zA-Z-]*):lambda:[a-z]{2}((-gov)|(-iso([a-z]?)))?-[a-z]+-\\d{1}:\\d{12}:(function:[a-zA-Z0-9-_]+(:(\\$LATEST|[a-zA-Z0-9-_]+))?|code-signing-config:csc-[a-z0-9]{17}|event-source-mapping:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|capacity-provider:[a-zA-Z0-9-_]+)");
        }
        var reference = FunctionReference.Parse(resource, request.Context);
        if (reference.Qualifier is not null)
        {
            throw LambdaErrors.InvalidParameter("Tags are not supported on a qualified function ARN: tag the function's unqualified ARN.");
        }
        return state.Require(reference);
    }
}
