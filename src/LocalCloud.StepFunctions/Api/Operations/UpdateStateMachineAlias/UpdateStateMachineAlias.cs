using LocalCloud.Core;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Changes an alias's description and/or routing; executions already started keep the version they were routed to
/// (API_UpdateStateMachineAlias.html). The new routing must stay within the alias's own state machine.
/// </summary>
public sealed class UpdateStateMachineAlias(StepFunctionsBackend backend)
{
    public Task<UpdateStateMachineAliasResponse> HandleAsync(UpdateStateMachineAliasRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        Validate.MaxLength(request.StateMachineAliasArn, "stateMachineAliasArn", Engine.StepFunctionsLimits.MaxArnLength);
        var arn = QualifiedArn.RequireAlias(request.StateMachineAliasArn, "stateMachineAliasArn");
        Validate.MaxLength(request.Description, "description", CreateStateMachineAlias.MaxDescriptionLength);
        if (request.Description is null && request.RoutingConfiguration is null)
        {
            // AWS's text is not recorded anywhere we found; the rule is the API reference's ("at least one of").
            throw StepFunctionsErrors.ValidationMessage("Either the description or the routingConfiguration must be specified.");
        }
        lock (backend.MachineGate)
        {
            var alias = backend.PublishedVersions.FindAlias(arn.Arn) ?? throw StepFunctionsErrors.ResourceDoesNotExist();
            var routes = alias.Routing;
            if (request.RoutingConfiguration is { } items)
            {
                var (machineArn, checkedRoutes) = AliasRouting.Check(backend, items);
                if (machineArn != alias.MachineArn)
                {
                    throw StepFunctionsErrors.ValidationMessage("Routing configuration must contain state machine version ARNs of the same state machine. Received: ["
                        + string.Join(", ", checkedRoutes.Select(r => r.VersionArn)) + "]");
                }
                routes = checkedRoutes;
            }
            var updated = alias with { Description = request.Description ?? alias.Description, Routing = routes, UpdateDate = backend.Engine.Time.GetUtcNow() };
            backend.PublishedVersions.PutAlias(updated);
            backend.VersionJournal.AliasSaved(updated);
            return Task.FromResult(new UpdateStateMachineAliasResponse(updated.UpdateDate));
        }
    }
}
