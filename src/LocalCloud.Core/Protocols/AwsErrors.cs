using System.Text.Json;
using System.Text.Json.Nodes;

namespace LocalCloud.Core.Protocols;

/// <summary>AWS's error wire shapes, written in one place.</summary>
public static class AwsErrors
{
    /// <summary>
    /// awsJson: {"__type": "namespace#Code", "message": "..."}. SDKs take the part after '#'.
    /// (Smithy awsJson1_0 error serialisation.)
    /// </summary>
    public static ServiceResponse AwsJson(AwsServiceException e, string errorNamespace, string contentType = "application/x-amz-json-1.0")
    {
        var body = new JsonObject
        {
            ["__type"] = string.IsNullOrEmpty(errorNamespace) ? e.ErrorCode : $"{errorNamespace}#{e.ErrorCode}",
            ["message"] = e.Message,
        };
        AddExtras(body, e);
        return ServiceResponse.Json(e.StatusCode, JsonSerializer.SerializeToUtf8Bytes(body), contentType);
    }

    /// <summary>
    /// restJson1: the code in the x-amzn-ErrorType header and the body {"Type": "User", "message": "..."}
    /// (Lambda also sends "Message"; both are accepted by SDKs, we send both to match Lambda).
    /// </summary>
    public static ServiceResponse RestJson(AwsServiceException e)
    {
        var body = new JsonObject();
        if (e.ErrorType is not null)
        {
            body["Type"] = e.ErrorType;
        }
        body["message"] = e.Message;
        AddExtras(body, e);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["x-amzn-ErrorType"] = e.ErrorCode };
        return ServiceResponse.Json(e.StatusCode, JsonSerializer.SerializeToUtf8Bytes(body), "application/json", headers);
    }

    private static void AddExtras(JsonObject body, AwsServiceException e)
    {
        if (e.ExtraMembers is null)
        {
            return;
        }
        foreach (var (key, value) in e.ExtraMembers)
        {
            body[key] = JsonSerializer.SerializeToNode(value);
        }
    }
}
