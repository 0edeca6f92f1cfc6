using System.Globalization;
using LocalCloud.StepFunctions.Api.Shapes;
using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Checks an alias's routingConfiguration as AWS does: the model's constraints first (one or two items, weights 0–100),
/// then version ARNs only, distinct, weights adding up to 100, one state machine, versions that exist. The messages
/// are AWS's, from LocalStack's recorded snapshots (test_sfn_api_aliasing, test_error_create_alias_invalid_router_configs),
/// except "of the same state machine", for which no recording was found.
/// </summary>
public static class AliasRouting
{
    public static (string MachineArn, IReadOnlyList<AliasRoute> Routes) Check(StepFunctionsBackend backend, IReadOnlyList<RoutingConfigurationListItem> items)
    {
        if (items.Count is 0 or > 2)
        {
            var bound = items.Count == 0 ? "greater than or equal to 1" : "less than or equal to 2";
            throw StepFunctionsErrors.Validation($"'[{string.Join(", ", items.Select(Render))}]'", "routingConfiguration", $"Member must have length {bound}");
        }
        var routes = new List<AliasRoute>();
        for (var i = 0; i < items.Count; i++)
        {
            var member = $"routingConfiguration.{i + 1}.member";
            var item = items[i] ?? throw StepFunctionsErrors.Validation("null", member, "Member must not be null");
            var arn = Validate.Required(item.StateMachineVersionArn, member + ".stateMachineVersionArn");
            Validate.MaxLength(arn, member + ".stateMachineVersionArn", Engine.StepFunctionsLimits.MaxArnLength);
            var weight = item.Weight ?? throw StepFunctionsErrors.Validation("null", member + ".weight", "Member must not be null");
            if (weight is < 0 or > 100)
            {
                throw StepFunctionsErrors.Validation($"'{weight.ToString(CultureInfo.InvariantCulture)}'", member + ".weight",
                    weight < 0 ? "Member must have value greater than or equal to 0" : "Member must have value less than or equal to 100");
            }
            routes.Add(new AliasRoute(arn, weight));
        }
        var arns = "[" + string.Join(", ", routes.Select(r => r.VersionArn)) + "]";
        var parsed = routes.Select(r => TryParse(r.VersionArn)).ToList();
        if (parsed.Any(p => p is not { IsVersion: true }))
        {
            throw StepFunctionsErrors.ValidationMessage($"Routing configuration must contain state machine version ARNs. Received: {arns}");
        }
        if (routes.Select(r => r.VersionArn).Distinct(StringComparer.Ordinal).Count() != routes.Count)
        {
            throw StepFunctionsErrors.ValidationMessage($"Routing configuration must contain distinct state machine version ARNs. Received: {arns}");
        }
        if (routes.Sum(r => r.Weight) != 100)
        {
            throw StepFunctionsErrors.ValidationMessage("Sum of routing configuration weights must equal 100. Received: ["
                + string.Join(", ", routes.Select(r => r.Weight.ToString(CultureInfo.InvariantCulture))) + "]");
        }
        var machineArn = parsed[0]!.MachineArn;
        if (parsed.Any(p => p!.MachineArn != machineArn))
        {
            throw StepFunctionsErrors.ValidationMessage($"Routing configuration must contain state machine version ARNs of the same state machine. Received: {arns}");
        }
        if (routes.Any(r => backend.PublishedVersions.FindVersion(r.VersionArn) is null))
        {
            throw StepFunctionsErrors.ResourceDoesNotExist();
        }
        return (machineArn, routes);
    }

    private static QualifiedArn? TryParse(string arn)
    {
        try
        {
            return QualifiedArn.Require(arn);
        }
        catch (LocalCloud.Core.AwsServiceException)
        {
            return null;
        }
    }

    private static string Render(RoutingConfigurationListItem? item)
        => $"RoutingConfigurationListItem(stateMachineVersionArn={item?.StateMachineVersionArn}, weight={item?.Weight})";
}
