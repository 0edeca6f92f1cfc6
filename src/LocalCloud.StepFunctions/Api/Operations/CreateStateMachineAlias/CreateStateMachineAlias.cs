using LocalCloud.Core;
using LocalCloud.StepFunctions.Machines.Versions;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Creates an alias of the machine whose versions it routes to. Idempotent for the same name, description and routing;
/// the same name with anything else is ConflictException
/// (https://docs.aws.amazon.com/step-functions/latest/apireference/API_CreateStateMachineAlias.html).
/// </summary>
public sealed class CreateStateMachineAlias(StepFunctionsBackend backend)
{
    /// <summary>Quota "aliases per state machine" (API_CreateStateMachineAlias.html).</summary>
    public const int MaxAliasesPerMachine = 100;

    /// <summary>Model shape AliasDescription: up to 256 characters.</summary>
    public const int MaxDescriptionLength = 256;

    public Task<CreateStateMachineAliasResponse> HandleAsync(CreateStateMachineAliasRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var name = RequireName(request.Name);
        Validate.MaxLength(request.Description, "description", MaxDescriptionLength);
        var items = Validate.Required(request.RoutingConfiguration, "routingConfiguration");
        lock (backend.MachineGate)
        {
            var (machineArn, routes) = AliasRouting.Check(backend, items);
            backend.RequireMachine(machineArn);
            var arn = machineArn + ":" + name;
            if (backend.PublishedVersions.FindAlias(arn) is { } existing)
            {
                // AWS's text (LocalStack's snapshot test_error_create_alias_not_idempotent), for a description change too.
                return existing.SameAs(request.Description, routes)
                    ? Task.FromResult(new CreateStateMachineAliasResponse(existing.Arn, existing.CreationDate))
                    : throw StepFunctionsErrors.Conflict("Failed to create alias because an alias with the same name and a different routing configuration already exists.");
            }
            if (backend.PublishedVersions.Aliases(machineArn).Count >= MaxAliasesPerMachine)
            {
                throw StepFunctionsErrors.ServiceQuotaExceeded($"Maximum number of aliases ({MaxAliasesPerMachine}) reached for state machine '{machineArn}'.");
            }
            var now = backend.Engine.Time.GetUtcNow();
            var alias = new MachineAlias(machineArn, name, request.Description, routes, now, now);
            backend.PublishedVersions.PutAlias(alias);
            backend.VersionJournal.AliasSaved(alias);
            return Task.FromResult(new CreateStateMachineAliasResponse(alias.Arn, alias.CreationDate));
        }
    }

    /// <summary>Model shape CharacterRestrictedName: 1–80 characters, at least one of letter, '_', '-', '.' (so never a version number).</summary>
    private static string RequireName(string? name)
    {
        var value = Validate.Required(name, "name");
        if (value.Length is 0 or > Engine.StepFunctionsLimits.MaxNameLength)
        {
            throw StepFunctionsErrors.Validation($"'{value}'", "name",
                value.Length == 0 ? "Member must have length greater than or equal to 1" : $"Member must have length less than or equal to {Engine.StepFunctionsLimits.MaxNameLength}");
        }
        if (!QualifiedArn.AliasName().IsMatch(value))
        {
            throw StepFunctionsErrors.Validation($"'{value}'", "name", @"Member must satisfy regular expression pattern: ^(?=.*[a-zA-Z_\-\.])[a-zA-Z0-9_\-\.]+$");
        }
        return value;
    }
}
