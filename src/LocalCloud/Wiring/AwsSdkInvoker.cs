using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.Core.Ports;

namespace LocalCloud.Wiring;

/// <summary>
/// Calls an API action of a hosted service in-process, as the AWS SDK would over HTTP: the PascalCase request becomes
/// the service's wire request (awsJson: X-Amz-Target and the body; restJson: method, URI, query, headers and body from
/// the API model's bindings) and goes to the service's own dispatcher; the wire response comes back as the SDK's
/// PascalCase response object. Step Functions' aws-sdk tasks and Scheduler's targets both go through here.
/// </summary>
internal sealed class AwsSdkInvoker : IAwsSdkInvoker
{
    private readonly AwsSdkOperations _operations;
    private readonly Dictionary<string, IServiceEndpoint> _endpoints = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _connected = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AwsSdkInvoker(AwsSdkOperations? operations = null) => _operations = operations ?? AwsSdkOperations.Embedded;

    /// <summary>
    /// Hands over the services once they all exist (Step Functions and Scheduler need the invoker to be built, and the
    /// invoker needs them). A call made before, by an execution resumed while the services start, waits for this.
    /// </summary>
    public void Connect(IServiceEndpoint stepFunctions, IServiceEndpoint lambda, IServiceEndpoint dynamoDb, IServiceEndpoint scheduler)
    {
        _endpoints["sfn"] = stepFunctions;
        _endpoints["lambda"] = lambda;
        _endpoints["dynamodb"] = dynamoDb;
        _endpoints["scheduler"] = scheduler;
        _connected.TrySetResult();
    }

    public bool Hosts(string service) => _operations.Services.ContainsKey(service);

    public bool HasOperation(string service, string operation)
        => _operations.Services.TryGetValue(service, out var s) && s.Operations.ContainsKey(operation);

    public async Task<JsonElement> InvokeAsync(string service, string operation, JsonElement request, RequestContext context, CancellationToken cancellationToken)
    {
        if (!_operations.Services.TryGetValue(service, out var api) || !api.Operations.TryGetValue(operation, out var binding))
        {
            throw new AwsServiceException("UnknownOperationException", $"LocalCloud hosts no API action {service}:{operation}.", 400);
        }
        if (request.ValueKind != JsonValueKind.Object)
        {
            throw AwsServiceException.Validation($"The request of {service}:{operation} must be a JSON object.");
        }
        await _connected.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        var endpoint = _endpoints[service];
        var members = (JsonObject)JsonNode.Parse(request.GetRawText())!;
        if (service == "sfn")
        {
            // Step Functions serialises an Input given as JSON rather than as a string, as AWS's recorded history of
            // aws-sdk:sfn:startExecution shows (LocalStack's test_sfn_start_execution_implicit_json_serialisation);
            // SendTaskSuccess's Output is taken the same way.
            foreach (var name in (string[])["Input", "Output"])
            {
                if (members[name] is { } value && value.GetValueKind() != JsonValueKind.String)
                {
                    members[name] = value.ToJsonString();
                }
            }
        }
        if (api.IsJson)
        {
            var body = api.CamelCaseMaps is { } maps ? Recase(members, maps, toWire: true, parent: null)! : members;
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["X-Amz-Target"] = $"{api.TargetPrefix}.{operation}",
                ["Content-Type"] = $"application/x-amz-json-{api.JsonVersion}",
            };
            var response = await endpoint.HandleAsync(new ServiceRequest("POST", "/", new Dictionary<string, string>(), headers,
                Encoding.UTF8.GetBytes(body.ToJsonString()), context), cancellationToken).ConfigureAwait(false);
            var output = Millis(ReadJsonBody(response), api.TimestampMembers);
            return ToElement(api.CamelCaseMaps is { } outMaps ? Recase(output, outMaps, toWire: false, parent: null)! : output);
        }
        var restResponse = await endpoint.HandleAsync(RestRequest(binding, members, context), cancellationToken).ConfigureAwait(false);
        return ToElement(Millis(RestOutput(binding, restResponse), api.TimestampMembers));
    }

    /// <summary>
    /// The wire's timestamps (epoch seconds) as the Java SDK behind Step Functions writes them: epoch milliseconds, as
    /// the states:startExecution integration shows in AWS's recorded histories (see StartExecutionRunner).
    /// </summary>
    private static JsonNode Millis(JsonNode node, IReadOnlySet<string> timestamps)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj.ToList())
                {
                    if (value is JsonValue v && timestamps.Contains(key) && v.TryGetValue<double>(out var seconds))
                    {
                        obj[key] = (long)Math.Round(seconds * 1000, MidpointRounding.AwayFromZero);
                    }
                    else if (value is not null)
                    {
                        Millis(value, timestamps);
                    }
                }
                break;
            case JsonArray array:
                foreach (var item in array)
                {
                    if (item is not null)
                    {
                        Millis(item, timestamps);
                    }
                }
                break;
        }
        return node;
    }

    /// <summary>restJson: the members bound to the URI, query and headers go there; the payload member or the rest is the body.</summary>
    private static ServiceRequest RestRequest(SdkOperation binding, JsonObject members, RequestContext context)
    {
        var query = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        var path = binding.Uri;
        var literalQuery = path.IndexOf('?', StringComparison.Ordinal);
        if (literalQuery >= 0)
        {
            // A few URIs carry a fixed query (Lambda's "/2018-10-31/layers?find=LayerVersion").
            foreach (var pair in path[(literalQuery + 1)..].Split('&', StringSplitOptions.RemoveEmptyEntries))
            {
                var eq = pair.IndexOf('=', StringComparison.Ordinal);
                query[eq < 0 ? pair : pair[..eq]] = eq < 0 ? "" : pair[(eq + 1)..];
            }
            path = path[..literalQuery];
        }
        var body = new JsonObject();
        foreach (var (name, value) in members)
        {
            if (binding.Input.TryGetValue(name, out var location))
            {
                var text = Text(value);
                switch (location.Location)
                {
                    case "uri":
                        var greedy = "{" + location.WireName + "+}";
                        path = path.Contains(greedy, StringComparison.Ordinal)
                            ? path.Replace(greedy, string.Join('/', text.Split('/').Select(Uri.EscapeDataString)), StringComparison.Ordinal)
                            : path.Replace("{" + location.WireName + "}", Uri.EscapeDataString(text), StringComparison.Ordinal);
                        break;
                    case "querystring":
                        query[location.WireName] = text;
                        break;
                    case "header":
                        headers[location.WireName] = text;
                        break;
                }
            }
            else if (binding.InputPayload is null)
            {
                body[name] = value?.DeepClone();
            }
        }
        // A label the request left out stays empty, so the service answers its own error for the missing member.
        path = System.Text.RegularExpressions.Regex.Replace(path, @"\{[^}]+\}", "", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        byte[] bytes;
        if (binding.InputPayload is { } payload)
        {
            var value = members[payload.Member];
            // A blob is the JSON of the value given, a string included ("text" travels as "\"text\""), as AWS's
            // recorded aws-sdk:s3:putObject histories show (LocalStack's test_aws_sdk_task_service.snapshot.json).
            bytes = value is null ? [] : Encoding.UTF8.GetBytes(value.ToJsonString());
        }
        else
        {
            bytes = body.Count == 0 && binding.Method is "GET" or "DELETE" ? [] : Encoding.UTF8.GetBytes(body.ToJsonString());
        }
        return new ServiceRequest(binding.Method, path, query, headers, bytes, context);
    }

    /// <summary>restJson: the body's members (or the payload member), plus the members bound to headers and the status code.</summary>
    private static JsonObject RestOutput(SdkOperation binding, ServiceResponse response)
    {
        if (response.Status is < 200 or > 299)
        {
            throw WireError(response);
        }
        JsonObject output;
        if (binding.OutputPayload is { } payload)
        {
            // A blob comes back as its text, as Step Functions shows Lambda's Payload ("{\"a\":1}").
            output = new JsonObject
            {
                [payload.Member] = response.Body.IsEmpty ? null : payload.IsBlob ? JsonValue.Create(Encoding.UTF8.GetString(response.Body.Span)) : JsonNode.Parse(response.Body.Span),
            };
        }
        else
        {
            output = ReadJsonBody(response);
        }
        var headers = new Dictionary<string, string>(response.Headers, StringComparer.OrdinalIgnoreCase);
        foreach (var (name, location) in binding.Output)
        {
            if (location.Location == "statusCode")
            {
                output[name] = response.Status;
            }
            else if (location.Location == "header" && headers.TryGetValue(location.WireName, out var value))
            {
                output[name] = value;
            }
        }
        return output;
    }

    private static JsonObject ReadJsonBody(ServiceResponse response)
    {
        if (response.Status is < 200 or > 299)
        {
            throw WireError(response);
        }
        return response.Body.IsEmpty ? [] : JsonNode.Parse(response.Body.Span) as JsonObject ?? [];
    }

    /// <summary>The service's wire error (awsJson "__type", restJson x-amzn-ErrorType) as the exception the SDK would raise.</summary>
    private static AwsServiceException WireError(ServiceResponse response)
    {
        string? type = response.Headers.FirstOrDefault(h => string.Equals(h.Key, "x-amzn-ErrorType", StringComparison.OrdinalIgnoreCase)).Value;
        var message = string.Empty;
        try
        {
            if (!response.Body.IsEmpty && JsonNode.Parse(response.Body.Span) is JsonObject error)
            {
                type ??= (string?)error["__type"] ?? (string?)error["code"];
                message = (string?)error["message"] ?? (string?)error["Message"] ?? string.Empty;
            }
        }
        catch (JsonException)
        {
            message = Encoding.UTF8.GetString(response.Body.Span);
        }
        type ??= response.Status >= 500 ? "InternalServerError" : "UnknownError";
        // awsJson names carry a namespace ("com.amazonaws.dynamodb.v20120810#ResourceNotFoundException"); restJson
        // headers may carry a suffix after ':'.
        type = type[(type.LastIndexOf('#') + 1)..];
        var colon = type.IndexOf(':', StringComparison.Ordinal);
        return new AwsServiceException(colon >= 0 ? type[..colon] : type, message, response.Status);
    }

    /// <summary>
    /// Step Functions' wire members are camelCase where the SDK's are PascalCase; the keys of a map member are data and
    /// keep their case.
    /// </summary>
    private static JsonNode? Recase(JsonNode? node, IReadOnlySet<string> maps, bool toWire, string? parent)
    {
        switch (node)
        {
            case JsonObject obj:
                var isMap = parent is not null && maps.Contains(parent);
                var copy = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var wire = isMap || key.Length == 0 ? key : char.ToLowerInvariant(key[0]) + key[1..];
                    var name = isMap || key.Length == 0 ? key : toWire ? wire : char.ToUpperInvariant(key[0]) + key[1..];
                    copy[name] = Recase(value, maps, toWire, isMap ? null : wire);
                }
                return copy;
            case JsonArray array:
                return new JsonArray([.. array.Select(item => Recase(item, maps, toWire, parent))]);
            default:
                return node?.DeepClone();
        }
    }

    private static string Text(JsonNode? value) => value switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonArray a => string.Join(',', a.Select(Text)),
        _ => value.ToJsonString(),
    };

    private static JsonElement ToElement(JsonNode node)
    {
        using var document = JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
