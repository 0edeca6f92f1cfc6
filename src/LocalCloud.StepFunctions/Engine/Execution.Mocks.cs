using LocalCloud.StepFunctions.Mocks;

namespace LocalCloud.StepFunctions.Engine;

/// <summary>The mock test case an execution started with (StartExecution on stateMachineArn#TestCase).</summary>
public sealed partial class Execution
{
    /// <summary>Null for an execution that calls every integration for real.</summary>
    public MockedRun? Mocked { get; init; }
}
