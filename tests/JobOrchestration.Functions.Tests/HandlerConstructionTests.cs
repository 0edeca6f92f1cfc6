namespace JobOrchestration.Functions.Tests;

public class HandlerConstructionTests
{
    // Lambda's .NET runtime needs a public parameterless constructor on each handler class and builds it once per
    // execution environment; building must only read the environment, not call any service.
    [Fact]
    public void ParameterlessConstructors_StandardAwsEnvironment_BuildWithoutCallingAnyService()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_REGION"] = "us-east-1",
            ["AWS_ACCESS_KEY_ID"] = "test",
            ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:9",
        };
        var previous = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables)
            {
                Environment.SetEnvironmentVariable(name, value);
            }

            var failure = Record.Exception(() => (new SimulatedApiFunction(), new CreateJobFunction(), new PollerFunction()));

            Assert.Null(failure);
        }
        finally
        {
            foreach (var (name, value) in previous)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
