using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.Core;
using LocalCloud.StepFunctions.Asl;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Engine.Tasks;
using LocalCloud.StepFunctions.Testing;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Evaluates one state without a state machine (https://docs.aws.amazon.com/step-functions/latest/apireference/API_TestState.html):
/// the request is checked here, with AWS's errors (messages from AWS responses recorded in LocalStack's snapshot tests,
/// tests/aws/services/stepfunctions/v2/test_state/*.snapshot.json); <see cref="StateTester"/> does the evaluation.
/// </summary>
public sealed class TestState(StepFunctionsBackend backend)
{
    private const string PlaceholderRole = "arn:aws:iam::000000000000:role/LocalCloudTestState";

    public async Task<TestStateResponse> HandleAsync(TestStateRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var definition = Validate.Required(request.Definition, "definition");
        Validate.MaxLength(definition, "definition", StepFunctionsLimits.MaxDefinitionLength);
        var level = request.InspectionLevel switch
        {
            null or "INFO" => InspectionLevel.Info,
            "DEBUG" => InspectionLevel.Debug,
            "TRACE" => InspectionLevel.Trace,
            _ => throw StepFunctionsErrors.Validation($"'{request.InspectionLevel}'", "inspectionLevel", "Member must satisfy enum value set: [INFO, DEBUG, TRACE]"),
        };
        if (request.StateName is { Length: 0 or > 80 })
        {
            throw StepFunctionsErrors.Validation($"'{request.StateName}'", "stateName", "Member must have length less than or equal to 80 and greater than or equal to 1");
        }
        var state = ParseState(definition, request.StateName);
        var mock = ReadMock(request, state);
        if (request.Context is not null && mock is null)
        {
            throw StepFunctionsErrors.ValidationMessage("TestState only supports a context when a mock is specified.");
        }
        if (mock is null && state is MapState or ParallelState)
        {
            throw StepFunctionsErrors.InvalidDefinition("TestState API does not support Map or Parallel states. Supported state types include: [Task, Wait, Pass, Succeed, Fail, Choice]");
        }
        if (mock is null && state is TaskState task && TaskResource.Parse(task.Resource)?.Pattern is IntegrationPattern.WaitForTaskToken or IntegrationPattern.Sync)
        {
            throw StepFunctionsErrors.ValidationMessage("TestState only supports the .sync and .waitForTaskToken integration patterns when a mock is specified.");
        }
        var retries = request.StateConfiguration?.RetrierRetryCount ?? 0;
        if (retries < 0)
        {
            throw StepFunctionsErrors.Validation(retries.ToString(System.Globalization.CultureInfo.InvariantCulture), "stateConfiguration.retrierRetryCount", "Member must have value greater than or equal to 0");
        }
        var configuration = TestStateSettings.Read(request.StateConfiguration, state, retries);
        var test = new StateTest(
            state,
            Json(request.Input ?? "{}", "input"),
            ReadObject(request.Variables, "variables"),
            ReadObject(request.Context, "context"),
            mock,
            configuration,
            level,
            request.RoleArn ?? PlaceholderRole);
        var result = await StateTester.RunAsync(test, backend.Engine, context, cancellationToken).ConfigureAwait(false);
        return new TestStateResponse(result.Output, result.Error?.Error, result.Error?.Cause, ToWire(result.Inspection), result.NextState, result.Status);
    }

    /// <summary>
    /// A single state is parsed as the only state of a machine; the states it names (Next, Default, a Choice's or a
    /// Catch's Next) are stood in for by Succeed states, which only the definition check reads.
    /// </summary>
    private static State ParseState(string definition, string? stateName)
    {
        try
        {
            if (stateName is not null)
            {
                var machine = AslParser.Parse(definition);
                return machine.States.TryGetValue(stateName, out var named)
                    ? named
                    : throw StepFunctionsErrors.ValidationMessage($"State '{stateName}' does not exist in the state machine definition.");
            }
            var node = JsonNode.Parse(definition, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject
                ?? throw StepFunctionsErrors.InvalidDefinition("INVALID_JSON_DESCRIPTION: The definition must be a JSON object");
            const string name = "TestState";
            var states = new JsonObject { [name] = node.DeepClone() };
            foreach (var target in Targets(node).Where(t => t != name))
            {
                states[target] = new JsonObject { ["Type"] = "Succeed" };
            }
            var wrapper = new JsonObject { ["StartAt"] = name, ["States"] = states };
            if (node["QueryLanguage"] is JsonValue language)
            {
                // A JSONata state is valid alone; the machine around it must allow it.
                wrapper["QueryLanguage"] = language.DeepClone();
            }
            return AslParser.Parse(wrapper.ToJsonString()).States[name];
        }
        catch (JsonException e)
        {
            throw StepFunctionsErrors.InvalidDefinition($"INVALID_JSON_DESCRIPTION: {e.Message}");
        }
        catch (AslDefinitionException e)
        {
            throw StepFunctionsErrors.InvalidDefinition(e.Message);
        }
    }

    private static IEnumerable<string> Targets(JsonObject state)
    {
        foreach (var key in new[] { "Next", "Default" })
        {
            if (state[key] is JsonValue v && v.TryGetValue<string>(out var s))
            {
                yield return s;
            }
        }
        foreach (var list in new[] { "Choices", "Catch" })
        {
            if (state[list] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                {
                    if (item["Next"] is JsonValue v && v.TryGetValue<string>(out var s))
                    {
                        yield return s;
                    }
                }
            }
        }
    }

    private static StateMock? ReadMock(TestStateRequest request, State state)
    {
        if (request.Mock is not { } mock)
        {
            return null;
        }
        if (state is not (TaskState or MapState or ParallelState))
        {
            throw StepFunctionsErrors.ValidationMessage($"State type '{state.Type}' is not supported when a mock is specified");
        }
        if ((mock.Result is null) == (mock.ErrorOutput is null))
        {
            throw StepFunctionsErrors.ValidationMessage("A test mock should have only one of the following fields: [result, errorOutput].");
        }
        if (request.RevealSecrets == true)
        {
            throw StepFunctionsErrors.ValidationMessage("TestState does not support RevealSecrets when a mock is specified.");
        }
        if (mock.FieldValidationMode is not (null or "STRICT" or "PRESENT" or "NONE"))
        {
            throw StepFunctionsErrors.Validation($"'{mock.FieldValidationMode}'", "mock.fieldValidationMode", "Member must satisfy enum value set: [STRICT, PRESENT, NONE]");
        }
        if (mock.ErrorOutput is { } error)
        {
            return new StateMock(null, new Failure(Validate.Required(error.Error, "mock.errorOutput.error"), error.Cause));
        }
        var result = Json(mock.Result!, "mock.result");
        if (state is TaskState task && MockResultValidation.Check(task.Resource, result, mock.FieldValidationMode) is { } invalid)
        {
            throw StepFunctionsErrors.ValidationMessage(invalid);
        }
        if (state is MapState or ParallelState && result is not JsonArray)
        {
            throw StepFunctionsErrors.ValidationMessage("Mocked result must be an array.");
        }
        if (state is ParallelState parallel && result is JsonArray items && items.Count != parallel.Branches.Count)
        {
            throw StepFunctionsErrors.ValidationMessage("Mocked result must contain the same number of items as number of Parallel branches.");
        }
        return new StateMock(result, null);
    }

    private static JsonNode? Json(string text, string member)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw member == "input"
                ? StepFunctionsErrors.InvalidExecutionInput(e.Message)
                : StepFunctionsErrors.ValidationMessage($"Invalid JSON in '{member}': {e.Message}");
        }
    }

    private static JsonObject? ReadObject(string? text, string member)
        => text is null ? null : Json(text, member) as JsonObject ?? throw StepFunctionsErrors.ValidationMessage($"'{member}' must be a JSON object.");

    private static InspectionData? ToWire(Inspection? inspection) => inspection is null
        ? null
        : new InspectionData(inspection.Input, inspection.AfterArguments, inspection.AfterInputPath, inspection.AfterParameters, inspection.Result,
            inspection.AfterResultSelector, inspection.AfterResultPath, inspection.Variables,
            inspection.ErrorDetails is { } e ? new InspectionErrorDetails(e.CatchIndex, e.RetryIndex, e.RetryBackoffIntervalSeconds) : null);
}
