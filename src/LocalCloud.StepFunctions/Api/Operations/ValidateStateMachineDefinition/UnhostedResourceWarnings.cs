using System.Text.Json;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Engine.Tasks;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// LocalCloud's own WARNING diagnostic: a Task state whose Resource LocalCloud cannot run (an aws-sdk: or optimized
/// integration of a service it does not host, such as aws-sdk:s3:getObject or sns:publish). AWS accepts such a
/// definition and so does LocalCloud; the state fails at run time with States.Runtime and the same message. AWS lists
/// its warning codes in the API reference (ValidateStateMachineDefinitionDiagnostic); this code is ours, hence its prefix.
/// </summary>
public static class UnhostedResourceWarnings
{
    public const string Code = "LOCALCLOUD_UNSUPPORTED_RESOURCE";

    /// <summary>One warning per such Task state, located at its Resource ("/States/Call/Resource"); none when the definition is not JSON.</summary>
    public static IReadOnlyList<ValidateStateMachineDefinitionDiagnostic> Find(string definition)
    {
        var warnings = new List<ValidateStateMachineDefinitionDiagnostic>();
        try
        {
            using var document = JsonDocument.Parse(definition, new JsonDocumentOptions { MaxDepth = 512 });
            Walk(document.RootElement, "", warnings);
        }
        catch (JsonException)
        {
            // Not JSON: the parser's ERROR diagnostic says so already.
        }
        return warnings;
    }

    /// <summary>Why LocalCloud cannot run <paramref name="resource"/>, or null when it can.</summary>
    public static string? WhyUnsupported(string resource)
    {
        if (TaskResource.Parse(resource) is { ResourceType: var type } parsed && type.StartsWith("aws-sdk:", StringComparison.Ordinal))
        {
            var service = type["aws-sdk:".Length..];
            return AwsSdkRunner.IsHosted(service) ? null : AwsSdkRunner.UnhostedMessage(service, parsed.Resource);
        }
        try
        {
            TaskRunners.Default.Resolve(resource);
            return null;
        }
        catch (StatesFailureException e)
        {
            return e.Message;
        }
    }

    /// <summary>Looks at every "States" map, at any depth (Parallel branches, Map processors), never at a state's data fields.</summary>
    private static void Walk(JsonElement element, string at, List<ValidateStateMachineDefinitionDiagnostic> warnings)
    {
        if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                Walk(item, $"{at}/{index++}", warnings);
            }
            return;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        foreach (var property in element.EnumerateObject())
        {
            var path = at + "/" + property.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
            if (property.Name == "States" && property.Value.ValueKind == JsonValueKind.Object)
            {
                foreach (var state in property.Value.EnumerateObject())
                {
                    var statePath = path + "/" + state.Name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
                    if (state.Value.ValueKind == JsonValueKind.Object
                        && state.Value.TryGetProperty("Type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "Task"
                        && state.Value.TryGetProperty("Resource", out var resource) && resource.ValueKind == JsonValueKind.String
                        && WhyUnsupported(resource.GetString()!) is { } why)
                    {
                        warnings.Add(new ValidateStateMachineDefinitionDiagnostic("WARNING", Code, why, statePath + "/Resource"));
                    }
                    Walk(state.Value, statePath, warnings);
                }
            }
            else if (property.Name is "Branches" or "ItemProcessor" or "Iterator")
            {
                Walk(property.Value, path, warnings);
            }
        }
    }
}
