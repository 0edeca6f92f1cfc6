using LocalCloud.StepFunctions.Asl.Definition;
using LocalCloud.StepFunctions.Engine.Express;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>CreateStateMachine and UpdateStateMachine refuse, for an EXPRESS machine, what Express workflows cannot run.</summary>
public static class ExpressDefinition
{
    public static void Check(string type, StateMachineDefinition? definition)
    {
        if (type == ExpressRules.Express && definition is not null && ExpressRules.Violations(definition) is { Count: > 0 } violations)
        {
            throw StepFunctionsErrors.InvalidDefinition(new AslDefinitionException(violations).Message);
        }
    }
}
