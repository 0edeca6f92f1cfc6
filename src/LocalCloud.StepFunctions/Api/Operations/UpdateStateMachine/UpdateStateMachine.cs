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
        var arn = SfnArn.RequireStateMachine(request.StateMachineArn);
        backend.RequireMachine(arn);
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
            backend.Machines.Put(updated);
            backend.Journal.Saved(updated);
        }
        return Task.FromResult(new UpdateStateMachineResponse(updated.UpdateDate.Value, updated.RevisionId));
    }
}
