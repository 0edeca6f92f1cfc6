using System.Text.Json;

namespace LocalCloud.Wiring;

/// <summary>
/// What an in-process SDK call needs to know of each hosted service's API, read from the table
/// scripts/generate-aws-sdk-operations.py writes from the AWS API models (embedded as aws-sdk-operations.json, so the
/// product never needs the models at run time).
/// </summary>
internal sealed class AwsSdkOperations
{
    private AwsSdkOperations(IReadOnlyDictionary<string, SdkService> services) => Services = services;

    /// <summary>By the service name an aws-sdk Resource uses ("sfn", "lambda", "dynamodb", "scheduler").</summary>
    public IReadOnlyDictionary<string, SdkService> Services { get; }

    public static AwsSdkOperations Embedded { get; } = Load();

    private static AwsSdkOperations Load()
    {
        using var stream = typeof(AwsSdkOperations).Assembly.GetManifestResourceStream("aws-sdk-operations.json")
            ?? throw new InvalidOperationException("The embedded aws-sdk-operations.json is missing from the LocalCloud assembly.");
        using var document = JsonDocument.Parse(stream);
        var services = new Dictionary<string, SdkService>(StringComparer.Ordinal);
        foreach (var service in document.RootElement.GetProperty("services").EnumerateObject())
        {
            var entry = service.Value;
            var operations = new Dictionary<string, SdkOperation>(StringComparer.Ordinal);
            foreach (var operation in entry.GetProperty("operations").EnumerateObject())
            {
                var op = operation.Value;
                operations[operation.Name] = new SdkOperation(
                    op.TryGetProperty("method", out var method) ? method.GetString()! : "POST",
                    op.TryGetProperty("uri", out var uri) ? uri.GetString()! : "/",
                    Members(op, "input"),
                    Members(op, "output"),
                    Payload(op, "inputPayload"),
                    Payload(op, "outputPayload"));
            }
            services[service.Name] = new SdkService(
                entry.GetProperty("protocol").GetString() == "json",
                entry.TryGetProperty("targetPrefix", out var prefix) ? prefix.GetString() : null,
                entry.TryGetProperty("jsonVersion", out var version) ? version.GetString() : null,
                operations,
                entry.TryGetProperty("camelCaseMembers", out var maps) ? maps.EnumerateArray().Select(m => m.GetString()!).ToHashSet(StringComparer.Ordinal) : null,
                entry.TryGetProperty("timestampMembers", out var stamps) ? stamps.EnumerateArray().Select(m => m.GetString()!).ToHashSet(StringComparer.Ordinal) : []);
        }
        return new AwsSdkOperations(services);
    }

    private static Dictionary<string, SdkMemberLocation> Members(JsonElement operation, string part)
    {
        var members = new Dictionary<string, SdkMemberLocation>(StringComparer.Ordinal);
        if (operation.TryGetProperty(part, out var located))
        {
            foreach (var member in located.EnumerateObject())
            {
                members[member.Name] = new SdkMemberLocation(member.Value[0].GetString()!, member.Value[1].GetString()!);
            }
        }
        return members;
    }

    private static SdkPayload? Payload(JsonElement operation, string part)
        => operation.TryGetProperty(part, out var payload) ? new SdkPayload(payload[0].GetString()!, payload[1].GetBoolean()) : null;
}

/// <param name="IsJson">awsJson (operation in X-Amz-Target, the request is the body) rather than restJson.</param>
/// <param name="CamelCaseMaps">
/// Null when the wire members are the SDK's PascalCase ones; else (Step Functions) the wire members are camelCase and
/// these are the members whose value is a map, whose keys are data and keep their case.
/// </param>
/// <param name="TimestampMembers">The wire names of the members whose value is a timestamp (epoch seconds on the wire).</param>
internal sealed record SdkService(bool IsJson, string? TargetPrefix, string? JsonVersion, IReadOnlyDictionary<string, SdkOperation> Operations,
    IReadOnlySet<string>? CamelCaseMaps, IReadOnlySet<string> TimestampMembers);

/// <summary>One operation: its HTTP binding (restJson) and the members that travel outside the JSON body.</summary>
internal sealed record SdkOperation(string Method, string Uri, IReadOnlyDictionary<string, SdkMemberLocation> Input,
    IReadOnlyDictionary<string, SdkMemberLocation> Output, SdkPayload? InputPayload, SdkPayload? OutputPayload);

/// <param name="Location">"uri", "querystring", "header" or "statusCode".</param>
/// <param name="WireName">The URI label, query parameter or header name.</param>
internal sealed record SdkMemberLocation(string Location, string WireName);

/// <summary>The member that is the whole HTTP body; a blob travels as raw bytes.</summary>
internal sealed record SdkPayload(string Member, bool IsBlob);
