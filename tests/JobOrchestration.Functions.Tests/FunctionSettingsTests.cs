using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Tests;

public class FunctionSettingsTests
{
    [Fact]
    public void FromVariables_NothingSet_UsesTheContractDefaults()
    {
        var settings = FunctionSettings.FromVariables(_ => null);

        Assert.Equal(("poc-jobs", "poc-task-tokens", "status-index", "poc-simulated-api", 10, 3600), (
            settings.JobsTable, settings.TokensTable, settings.TokensStatusIndex, settings.SimulatedApiFunction,
            settings.DefaultMaxAttempts, settings.DefaultPollingTimeoutSeconds));
    }

    [Fact]
    public void FromVariables_EverythingSet_ReadsEachVariable()
    {
        var variables = new Dictionary<string, string>
        {
            ["JOBS_TABLE"] = "jobs2",
            ["TOKENS_TABLE"] = "tokens2",
            ["TOKENS_STATUS_INDEX"] = "idx2",
            ["SIMULATED_API_FUNCTION"] = "arn:aws:lambda:us-east-1:000000000000:function:api2",
            ["DEFAULT_MAX_ATTEMPTS"] = "3",
            ["DEFAULT_POLLING_TIMEOUT_SECONDS"] = "90",
        };

        var settings = FunctionSettings.FromVariables(variables.GetValueOrDefault);

        Assert.Equal(("jobs2", "tokens2", "idx2", "arn:aws:lambda:us-east-1:000000000000:function:api2", 3, 90), (
            settings.JobsTable, settings.TokensTable, settings.TokensStatusIndex, settings.SimulatedApiFunction,
            settings.DefaultMaxAttempts, settings.DefaultPollingTimeoutSeconds));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("true", true)]
    [InlineData(" True ", true)]
    [InlineData("false", false)]
    public void FromVariables_PollerBatchWrites_IsOffUnlessSetToTrue(string? value, bool expected)
    {
        var settings = FunctionSettings.FromVariables(name => name == "POLLER_BATCH_WRITES" ? value : null);

        Assert.Equal(expected, settings.PollerBatchWrites);
    }

    [Fact]
    public void FromVariables_PollerBatchWritesNotABoolean_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => FunctionSettings.FromVariables(name => name == "POLLER_BATCH_WRITES" ? "yes" : null));

        Assert.Contains("POLLER_BATCH_WRITES", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ten")]
    [InlineData("0")]
    [InlineData("-3")]
    public void FromVariables_BadNumber_FailsNamingTheVariable(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() =>
            FunctionSettings.FromVariables(name => name == "DEFAULT_MAX_ATTEMPTS" ? value : null));

        Assert.Contains("DEFAULT_MAX_ATTEMPTS", error.Message, StringComparison.Ordinal);
    }
}
