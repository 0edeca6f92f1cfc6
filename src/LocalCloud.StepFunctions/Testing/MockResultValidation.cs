using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Engine.Tasks;

namespace LocalCloud.StepFunctions.Testing;

/// <summary>
/// TestState's mock.fieldValidationMode: a mocked Task result checked against the response shape of the integration it
/// stands for, from the AWS API model (https://docs.aws.amazon.com/step-functions/latest/apireference/API_MockInput.html):
/// STRICT (the default) — required fields present and present fields of the right type; PRESENT — present fields only;
/// NONE — nothing. Fields the model does not name are not checked. The messages are AWS's, as recorded in LocalStack's
/// snapshot tests (tests/aws/services/stepfunctions/v2/test_state/test_field_validation_mode*.snapshot.json); those
/// for a boolean, an object and a too-long string were not recorded there and are LocalCloud's, worded the same way.
/// The shapes are those of the integrations LocalCloud runs (lambda:invoke, dynamodb:getItem/putItem/updateItem/
/// deleteItem), embedded from the models by scripts/generate-mock-response-shapes.py.
/// </summary>
public static class MockResultValidation
{
    private const string Prefix = "Mock result schema validation error: ";

    private static readonly Lazy<ShapeSubset> Model = new(Load);

    /// <summary>Null when <paramref name="result"/> passes; otherwise AWS's message.</summary>
    public static string? Check(string resource, JsonNode? result, string? mode)
    {
        if (mode == "NONE" || TaskResource.Parse(resource) is not { Pattern: IntegrationPattern.RequestResponse } parsed
            || !Model.Value.Integrations.TryGetValue($"{parsed.ResourceType}:{parsed.Operation}", out var root))
        {
            return null;
        }
        try
        {
            new Walk(Model.Value.Shapes, Strict: mode is null or "STRICT").Check(root, result, null);
            return null;
        }
        catch (MockResultInvalidException e)
        {
            return Prefix + e.Message;
        }
    }

    private static ShapeSubset Load()
    {
        using var stream = typeof(MockResultValidation).Assembly.GetManifestResourceStream("mock-response-shapes.json")
            ?? throw new InvalidOperationException("The embedded mock-response-shapes.json is missing.");
        return JsonSerializer.Deserialize(stream, ShapesJson.Default.ShapeSubset) ?? throw new InvalidOperationException("mock-response-shapes.json is empty.");
    }

    private sealed record Walk(IReadOnlyDictionary<string, Shape> All, bool Strict)
    {
        public void Check(string shapeName, JsonNode? value, string? field)
        {
            var shape = All[shapeName];
            var name = field ?? "result";
            switch (shape.Type)
            {
                case "structure":
                    var obj = value as JsonObject ?? throw Invalid($"Field '{name}' must be an object");
                    if (Strict)
                    {
                        foreach (var required in shape.Required ?? [])
                        {
                            if (obj[required] is null)
                            {
                                throw Invalid($"Required field '{required}' is missing");
                            }
                        }
                    }
                    foreach (var (member, memberValue) in obj)
                    {
                        if (memberValue is not null && shape.Members is not null && shape.Members.TryGetValue(member, out var memberShape))
                        {
                            Check(memberShape, memberValue, member);
                        }
                    }
                    break;
                case "list":
                    foreach (var item in value as JsonArray ?? throw Invalid($"Field '{name}' must be an array"))
                    {
                        Check(shape.Member!, item, name);
                    }
                    break;
                case "map":
                    foreach (var (key, item) in value as JsonObject ?? throw Invalid($"Field '{name}' must be an object"))
                    {
                        Check(shape.Value!, item, key);
                    }
                    break;
                case "string" or "blob" or "timestamp":
                    var text = value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Invalid($"Field '{name}' must be a string");
                    if (shape.Enum is { } allowed && !allowed.Contains(text))
                    {
                        throw Invalid($"Field '{name}' is not an expected value");
                    }
                    if (shape.Min is { } min && text.Length < min)
                    {
                        throw Invalid($"Field '{name}' is smaller than the minimum length");
                    }
                    if (shape.Max is { } max && text.Length > max)
                    {
                        throw Invalid($"Field '{name}' exceeds the maximum length");
                    }
                    break;
                case "integer" or "long" or "double" or "float":
                    var number = value is JsonValue n && n.GetValueKind() == JsonValueKind.Number ? n.GetValue<double>() : throw Invalid($"Field '{name}' must be a number");
                    if (shape.Min is { } least && number < least)
                    {
                        throw Invalid($"Field '{name}' is less than the minimum value");
                    }
                    if (shape.Max is { } most && number > most)
                    {
                        throw Invalid($"Field '{name}' exceeds the maximum value");
                    }
                    break;
                case "boolean":
                    if (value is not JsonValue b || b.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False))
                    {
                        throw Invalid($"Field '{name}' must be a boolean");
                    }
                    break;
            }
        }

        private static MockResultInvalidException Invalid(string message) => new(message);
    }
}

internal sealed class MockResultInvalidException(string message) : Exception(message)
{
    public MockResultInvalidException() : this("invalid")
    {
    }

    public MockResultInvalidException(string message, Exception inner) : this(message + inner.Message)
    {
    }
}

/// <summary>One shape of the embedded subset, as scripts/generate-mock-response-shapes.py writes it.</summary>
internal sealed record Shape(string Type, IReadOnlyDictionary<string, string>? Members, IReadOnlyList<string>? Required, string? Member, string? Key,
    string? Value, IReadOnlyList<string>? Enum, double? Min, double? Max);

internal sealed record ShapeSubset(IReadOnlyDictionary<string, string> Integrations, IReadOnlyDictionary<string, Shape> Shapes);

[System.Text.Json.Serialization.JsonSourceGenerationOptions(PropertyNamingPolicy = System.Text.Json.Serialization.JsonKnownNamingPolicy.CamelCase)]
[System.Text.Json.Serialization.JsonSerializable(typeof(ShapeSubset))]
internal sealed partial class ShapesJson : System.Text.Json.Serialization.JsonSerializerContext;
