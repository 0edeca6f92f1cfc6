using LocalCloud.StepFunctions.Machines;
using LocalCloud.StepFunctions.Mocks;

namespace LocalCloud.StepFunctions.Api.Operations;

/// <summary>
/// StartExecution on <c>stateMachineArn#TestCaseName</c>, as Step Functions Local runs a test case of its mock
/// configuration (https://docs.aws.amazon.com/step-functions/latest/dg/sfn-local-test-sm-exec.html, step 3). The
/// execution's ARN is the machine's, without the test case, as there.
/// </summary>
internal static class MockedStart
{
    public static (string? Arn, string? TestCase) Split(string? arn)
    {
        var hash = arn?.IndexOf('#', StringComparison.Ordinal) ?? -1;
        return hash < 0 ? (arn, null) : (arn![..hash], arn[(hash + 1)..]);
    }

    /// <summary>The run of the named test case, or null without one; a test case the configuration lacks is refused.</summary>
    public static MockedRun? Resolve(MockConfigSource mocks, StateMachineRecord machine, string? testCase, string requestedArn)
    {
        if (testCase is null)
        {
            return null;
        }
        if (mocks.Current.Find(machine.Name, testCase) is not { } found)
        {
            throw StepFunctionsErrors.MockTestCaseDoesNotExist(requestedArn, ReferenceEquals(mocks, MockConfigSource.None)
                ? "LocalCloud runs without a mock configuration (start it with --mock-config FILE)"
                : $"the mock configuration has no test case '{testCase}' for the state machine '{machine.Name}'");
        }
        if (machine.Type == Engine.Express.ExpressRules.Express)
        {
            throw StepFunctionsErrors.ValidationMessage("LocalCloud runs mock test cases on STANDARD state machines only.");
        }
        return new MockedRun(found);
    }
}
