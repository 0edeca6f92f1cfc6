using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Engine;
using LocalCloud.StepFunctions.Machines;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Idempotent for the same name, definition and role; otherwise StateMachineAlreadyExists
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachine.html).
/// </summary>
public sealed class CreateStateMachine(StepFunctionsBackend backend)
{
    public Task<CreateStateMachineResponse> HandleAsync(CreateStateMachineRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var name = Validate.Name(request.Name, "name");
        var definition = Validate.Required(request.Definition, "definition");
        var roleArn = Validate.Required(request.RoleArn, "roleArn");
        Validate.MaxLength(definition, "definition", StepFunctionsLimits.MaxDefinitionLength);
        Validate.MaxLength(roleArn, "roleArn", StepFunctionsLimits.MaxArnLength);
        if (!SfnArn.IsArn(roleArn))
        {
            throw StepFunctionsErrors.InvalidArn(roleArn);
        }
        var type = request.Type ?? "STANDARD";
        if (type is not ("STANDARD" or "EXPRESS"))
        {
            throw StepFunctionsErrors.Validation($"'{type}'", "type", "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        StateMachineDefinition parsed;
        try
        {
            parsed = AslParser.Parse(definition);
        }
        catch (AslDefinitionException e)
        {
            throw StepFunctionsErrors.InvalidDefinition(e.Message);
        }
        ExpressDefinition.Check(type, parsed);
        var publish = PublishOnChange.Check(request.Publish, request.VersionDescription);
        var arn = SfnArn.StateMachine(context, name);
        var tags = request.Tags is { Count: > 0 } requested ? TagResource.Parse(requested, arn) : [];
        var record = new StateMachineRecord(arn, name, definition, parsed, roleArn, type, backend.Engine.Time.GetUtcNow(), Guid.NewGuid().ToString());
        lock (backend.MachineGate)
        {
            var stored = backend.Machines.GetOrAdd(record);
            if (!ReferenceEquals(stored, record))
            {
                if (stored.Definition != definition || stored.RoleArn != roleArn || stored.Type != type)
                {
                    throw StepFunctionsErrors.StateMachineAlreadyExists(arn);
                }
                if (tags.Count > 0)
                {
                    TagResource.Set(backend, arn, tags);
                }
                return Task.FromResult(new CreateStateMachineResponse(stored.Arn, stored.CreationDate, PublishOnChange.Apply(backend, stored, publish, request.VersionDescription)));
            }
            // A new machine: it fits its tags (checked above), and both are written at once.
            if (tags.Count > 0)
            {
                backend.Tags.TrySet(arn, tags, StepFunctionsLimits.MaxTagsPerResource);
            }
            backend.Journal.Saved(record, tags);
            return Task.FromResult(new CreateStateMachineResponse(record.Arn, record.CreationDate, PublishOnChange.Apply(backend, record, publish, request.VersionDescription)));
        }
    }
}
