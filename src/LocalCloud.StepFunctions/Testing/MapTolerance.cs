using System.Text.Json.Nodes;
using LocalCloud.StepFunctions.Asl.States;

namespace LocalCloud.StepFunctions.Testing;

/// <summary>
/// stateConfiguration.mapIterationFailureCount against a mocked Map's ToleratedFailureCount/ToleratedFailurePercentage:
/// past the threshold the Map fails with States.ExceedToleratedFailureThreshold, as AWS's TestState answers (LocalStack's
/// recorded AWS responses, tests/aws/services/stepfunctions/v2/test_state/test_state_configuration.snapshot.json). A Map
/// with neither field is not failed by the count (AWS answered SUCCEEDED there too). The percentage is of the items:
/// mapItemReaderData's when given (what the ItemReader would have read), else the mocked result's.
/// </summary>
internal static class MapTolerance
{
    public static bool Exceeded(MapState map, StateTestConfiguration configuration, JsonNode? mockedResult)
    {
        if (configuration.MapIterationFailureCount is not (> 0 and var failures))
        {
            return false;
        }
        var settings = map.Settings;
        if (settings.ToleratedFailureCount is { } count && failures > count)
        {
            return true;
        }
        var items = (configuration.MapItemReaderData ?? mockedResult) is JsonArray read ? read.Count : 0;
        return settings.ToleratedFailurePercentage is { } percent && items > 0 && failures * 100.0 / items > percent;
    }
}
