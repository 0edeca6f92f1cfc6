using LocalCloud.Core;
using LocalCloud.StepFunctions.Api;
using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Engine;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// Runs CreateStateMachine's checks without creating anything: FAIL with one ERROR diagnostic per problem
/// (code, message, location), else OK (https://docs.aws.amazon.com/step-functions/latest/apireference/API_ValidateStateMachineDefinition.html).
/// The only WARNING diagnostics are LocalCloud's own (<see cref="UnhostedResourceWarnings"/>): a Task resource it cannot
/// run. As on AWS, warnings come back only when severity is WARNING (the default, ERROR, returns errors only) and never
/// turn the result to FAIL.
/// </summary>
public static class ValidateStateMachineDefinition
{
    public static Task<ValidateStateMachineDefinitionResponse> HandleAsync(ValidateStateMachineDefinitionRequest request, RequestContext context, CancellationToken cancellationToken)
    {
        var definition = Validate.Required(request.Definition, "definition");
        Validate.MaxLength(definition, "definition", StepFunctionsLimits.MaxDefinitionLength);
        if (request.Type is not (null or "STANDARD" or "EXPRESS"))
        {
            throw StepFunctionsErrors.Validation($"'{request.Type}'", "type", "Member must satisfy enum value set: [STANDARD, EXPRESS]");
        }
        if (request.Severity is not (null or "ERROR" or "WARNING"))
        {
            throw StepFunctionsErrors.Validation($"'{request.Severity}'", "severity", "Member must satisfy enum value set: [ERROR, WARNING]");
        }
        if (request.MaxResults is < 0 or > 100)
        {
            throw StepFunctionsErrors.Validation(request.MaxResults.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), "maxResults",
                "Member must have value less than or equal to 100 and greater than or equal to 0");
        }
        var max = request.MaxResults is null or 0 ? 100 : request.MaxResults.Value;
        IReadOnlyList<ValidateStateMachineDefinitionDiagnostic> warnings = request.Severity == "WARNING" ? UnhostedResourceWarnings.Find(definition) : [];
        try
        {
            AslParser.Parse(definition);
            return Task.FromResult(new ValidateStateMachineDefinitionResponse("OK", warnings.Take(max).ToList(), warnings.Count > max));
        }
        catch (AslDefinitionException e)
        {
            var diagnostics = e.Diagnostics.Select(ToDiagnostic).Concat(warnings).ToList();
            return Task.FromResult(new ValidateStateMachineDefinitionResponse("FAIL", diagnostics.Take(max).ToList(), diagnostics.Count > max));
        }
    }

    /// <summary>Splits "CODE: detail at /path" (the InvalidDefinition form) into the diagnostic's parts.</summary>
    public static ValidateStateMachineDefinitionDiagnostic ToDiagnostic(string text)
    {
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        var code = colon > 0 ? text[..colon] : "SCHEMA_VALIDATION_FAILED";
        var rest = colon > 0 ? text[(colon + 2)..] : text;
        var at = rest.LastIndexOf(" at /", StringComparison.Ordinal);
        return at >= 0
            ? new ValidateStateMachineDefinitionDiagnostic("ERROR", code, rest[..at], rest[(at + 4)..])
            : new ValidateStateMachineDefinitionDiagnostic("ERROR", code, rest, null);
    }
}
