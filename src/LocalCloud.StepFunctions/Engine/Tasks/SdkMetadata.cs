using System.Globalization;
using System.Text.Json.Nodes;
using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>What Step Functions' SDK-based integrations add to a response, and how they word a service error's cause.</summary>
internal static class SdkMetadata
{
    /// <summary>The HTTP metadata of the call, as the integrations add it to the response object.</summary>
    public static void AddJson(JsonObject output, string contentType)
    {
        var requestId = Guid.NewGuid().ToString();
        output["SdkHttpMetadata"] = new JsonObject
        {
            ["AllHttpHeaders"] = new JsonObject { ["Content-Type"] = new JsonArray(contentType), ["x-amzn-RequestId"] = new JsonArray(requestId) },
            ["HttpHeaders"] = new JsonObject { ["Content-Type"] = contentType, ["x-amzn-RequestId"] = requestId },
            ["HttpStatusCode"] = 200,
        };
        output["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId };
    }

    /// <summary>The Java SDK's wording of a service error, which AWS puts in the task's cause.</summary>
    public static string Cause(AwsServiceException e, string service)
        => string.Create(CultureInfo.InvariantCulture,
            $"{e.Message} (Service: {service}; Status Code: {e.StatusCode}; Error Code: {e.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
}
