using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>Replaces definition and/or role; running executions keep the version they started with.</summary>
public sealed class UpdateStateMachine(StepFunctionsBackend backend)
{
    public Task<UpdateStateMachineResponse> HandleAsync(UpdateStateMachineRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var arn = PublishOnChange.RequireUnqualified(request.StateMachineArn);
        backend.RequireMachine(arn);
        var publish = PublishOnChange.Check(request.Publish, request.VersionDescription);
        if (request.Definition is null && request.RoleArn is null)
        {
            throw StepFunctionsErrors.MissingRequiredParameter("Either the definition or the roleArn must be specified.");
        }
        if (request.RoleArn is not null && !SfnArn.IsArn(request.RoleArn))
        {
            throw StepFunctionsErrors.InvalidArn(request.RoleArn);
        }
        StateMachineDefinition? parsed = null;
        if (request.Definition is not null)
        {
            try
            {
                parsed = AslParser.Parse(request.Definition);
            }
            catch (AslDefinitionException e)
            {
                throw StepFunctionsErrors.InvalidDefinition(e.Message);
            }
        }
        StateMachineRecord updated;
        string? versionArn;
        lock (backend.MachineGate)
        {
            // Read again under the gate so concurrent updates each build on the one before.
            var machine = backend.RequireMachine(arn);
            ExpressDefinition.Check(machine.Type, parsed);
            updated = machine with
            {
                Definition = request.Definition ?? machine.Definition,
                Parsed = parsed ?? machine.Parsed,
                RoleArn = request.RoleArn ?? machine.RoleArn,
                RevisionId = Guid.NewGuid().ToString(),
                UpdateDate = backend.Engine.Time.GetUtcNow(),
            };
            if (PublishOnChange.Unchanged(machine, updated))
            {
                // Nothing changed, so no new revision (AWS publishes the same version again for such an update:
                // LocalStack's snapshot test_empty_revision_with_publish_and_no_publish_on_creation).
                versionArn = PublishOnChange.Apply(backend, machine, publish, request.VersionDescription);
                return Task.FromResult(new UpdateStateMachineResponse(updated.UpdateDate.Value, machine.RevisionId, versionArn));
            }
            backend.Machines.Put(updated);
            backend.Journal.Saved(updated);
            versionArn = PublishOnChange.Apply(backend, updated, publish, request.VersionDescription);
        }
        return Task.FromResult(new UpdateStateMachineResponse(updated.UpdateDate.Value, updated.RevisionId, versionArn));
    }
}
