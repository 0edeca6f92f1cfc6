using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Asl.States;
using LocalCloud.StepFunctions.Testing;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// stateConfiguration checked against the API model's constraints (TestStateConfiguration) and the tested state:
/// errorCausedByState must name the state or one inside its branches (the state "from which an error originates when
/// an error is mocked for a Map or Parallel state", API reference); mapItemReaderData must be JSON. The messages for
/// those two are LocalCloud's: AWS's were not found recorded.
/// </summary>
internal static class TestStateSettings
{
    public static StateTestConfiguration Read(TestStateConfiguration? given, State state, int retries)
    {
        if (given is null)
        {
            return new StateTestConfiguration(retries);
        }
        if (given.MapIterationFailureCount is < 0)
        {
            throw StepFunctionsErrors.Validation(given.MapIterationFailureCount.Value.ToString(CultureInfo.InvariantCulture),
                "stateConfiguration.mapIterationFailureCount", "Member must have value greater than or equal to 0");
        }
        if (given.ErrorCausedByState is { } origin)
        {
            if (origin.Length is 0 or > 80)
            {
                throw StepFunctionsErrors.Validation($"'{origin}'", "stateConfiguration.errorCausedByState", "Member must have length less than or equal to 80 and greater than or equal to 1");
            }
            if (origin != state.Name && !Inner(state).Contains(origin))
            {
                throw StepFunctionsErrors.ValidationMessage($"stateConfiguration.errorCausedByState '{origin}' is neither the tested state nor a state inside it.");
            }
        }
        JsonNode? items = null;
        if (given.MapItemReaderData is { } data)
        {
            try
            {
                items = JsonNode.Parse(data);
            }
            catch (JsonException e)
            {
                throw StepFunctionsErrors.ValidationMessage($"Invalid JSON in 'stateConfiguration.mapItemReaderData': {e.Message}");
            }
        }
        return new StateTestConfiguration(retries, given.ErrorCausedByState, given.MapIterationFailureCount, items);
    }

    /// <summary>Every state name inside a Map's processor or a Parallel's branches, nested ones included.</summary>
    private static HashSet<string> Inner(State state)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        void Visit(StateMachineDefinition definition)
        {
            foreach (var (name, inner) in definition.States)
            {
                names.Add(name);
                Children(inner).ToList().ForEach(Visit);
            }
        }
        Children(state).ToList().ForEach(Visit);
        return names;
    }

    private static IEnumerable<StateMachineDefinition> Children(State state) => state switch
    {
        MapState map => [map.Settings.Processor],
        ParallelState parallel => parallel.Branches,
        _ => [],
    };
}
