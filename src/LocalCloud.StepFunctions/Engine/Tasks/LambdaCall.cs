using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;
using LocalCloud.StepFunctions.Asl;

namespace LocalCloud.StepFunctions.Engine.Tasks;

/// <summary>
/// One Lambda invoke through <see cref="ILambdaInvoker"/>, its result turned into what Step Functions
/// reports: the Invoke response object (optimized integration), or a Failure named as AWS names it —
/// the function's errorType for a function error, "Lambda.&lt;ErrorCode&gt;" for a service error
/// (https://docs.aws.amazon.com/step-functions/latest/dg/connect-lambda.html).
/// </summary>
public sealed record LambdaCall(ReadOnlyMemory<byte> RawPayload, LambdaInvokeResult? Result, Failure? Failure)
{
    public static async Task<LambdaCall> InvokeAsync(ILambdaInvoker lambda, LambdaInvokeRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        try
        {
            var result = await lambda.InvokeAsync(request, context, cancellationToken).ConfigureAwait(false);
            if (result.FunctionError is not null)
            {
                var text = Encoding.UTF8.GetString(result.Payload.Span);
                return new LambdaCall(result.Payload, result, new Failure(ErrorType(text) ?? "Lambda.Unknown", text));
            }
            return new LambdaCall(result.Payload, result, null);
        }
        catch (AwsServiceException e)
        {
            var cause = string.Create(CultureInfo.InvariantCulture,
                $"{e.Message} (Service: AWSLambda; Status Code: {e.StatusCode}; Error Code: {e.ErrorCode}; Request ID: {Guid.NewGuid()}; Proxy: null)");
            return new LambdaCall(ReadOnlyMemory<byte>.Empty, null, new Failure("Lambda." + e.ErrorCode, cause));
        }
    }

    /// <summary>The function's payload as JSON; a payload that is not JSON stays a string, as AWS leaves it.</summary>
    public JsonNode? PayloadJson()
    {
        if (RawPayload.IsEmpty)
        {
            return null;
        }
        try
        {
            return JsonNode.Parse(RawPayload.Span);
        }
        catch (JsonException)
        {
            return JsonValue.Create(Encoding.UTF8.GetString(RawPayload.Span));
        }
    }

    /// <summary>The optimized integration's output: the Invoke response with the payload parsed.</summary>
    public JsonObject ResponseObject(TimeProvider time)
    {
        var requestId = Guid.NewGuid().ToString();
        var status = Result?.StatusCode ?? 200;
        var version = Result?.ExecutedVersion ?? "$LATEST";
        var headers = new (string Name, string Value)[]
        {
            ("Connection", "keep-alive"),
            ("Content-Length", RawPayload.Length.ToString(CultureInfo.InvariantCulture)),
            ("Content-Type", "application/json"),
            ("Date", time.GetUtcNow().ToString("R", CultureInfo.InvariantCulture)),
            ("X-Amz-Executed-Version", version),
            ("x-amzn-Remapped-Content-Length", "0"),
            ("x-amzn-RequestId", requestId),
        };
        var all = new JsonObject();
        var single = new JsonObject();
        foreach (var (name, value) in headers)
        {
            all[name] = new JsonArray(value);
            single[name] = value;
        }
        return new JsonObject
        {
            ["ExecutedVersion"] = version,
            ["Payload"] = PayloadJson(),
            ["SdkHttpMetadata"] = new JsonObject { ["AllHttpHeaders"] = all, ["HttpHeaders"] = single, ["HttpStatusCode"] = status },
            ["SdkResponseMetadata"] = new JsonObject { ["RequestId"] = requestId },
            ["StatusCode"] = status,
        };
    }

    private static string? ErrorType(string payload)
    {
        try
        {
            return JsonNode.Parse(payload) is JsonObject o && o["errorType"] is JsonValue v && v.TryGetValue<string>(out var type) ? type : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
