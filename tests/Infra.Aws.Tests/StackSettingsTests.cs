using Amazon.CDK;
using Amazon.CDK.AWS.Logs;
using Poc.Infra.Aws;

namespace Infra.Aws.Tests;

public sealed class StackSettingsTests
{
    [Fact]
    public void FromContext_NoKeys_UsesRepositoryLayoutAndPocDefaults()
    {
        var root = Directory.CreateTempSubdirectory("poc-cdk-settings-").FullName;
        try
        {
            var infraAws = Directory.CreateDirectory(Path.Combine(root, "infra", "aws")).FullName;
            Directory.CreateDirectory(Path.Combine(root, "out", "package", "publish"));

            var props = StackSettings.FromContext(_ => null, infraAws, environment: null);

            Assert.Equal(Path.Combine(root, "out", "package", "publish"), props.FunctionsPackagePath);
            Assert.Equal(Path.Combine(root, "infra", "statemachines"), props.StateMachinesDirectory);
            Assert.Equal(RemovalPolicy.DESTROY, props.DataRemovalPolicy);
            Assert.Equal(RetentionDays.TWO_WEEKS, props.LogRetention);
            Assert.False(props.JsonataWorkflows);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("JSONata", true)]
    [InlineData("jsonata", true)]
    [InlineData("JSONPath", false)]
    public void IsJsonata_KnownQueryLanguage_Maps(string value, bool expected) => Assert.Equal(expected, StackSettings.IsJsonata(value));

    [Fact]
    public void IsJsonata_UnknownQueryLanguage_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StackSettings.IsJsonata("XPath"));
        Assert.Contains(StackSettings.QueryLanguageKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromContext_MissingPackage_SaysToRunDotnetPublish()
    {
        var missing = Path.Combine(Path.GetTempPath(), "poc-cdk-missing-" + Guid.NewGuid().ToString("N"));
        var error = Assert.Throws<InvalidOperationException>(() =>
            StackSettings.FromContext(key => key == StackSettings.FunctionsPackageKey ? missing : null, Path.GetTempPath(), environment: null));
        Assert.Contains("dotnet publish src/JobOrchestration.Functions", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("retain", RemovalPolicy.RETAIN)]
    [InlineData("DESTROY", RemovalPolicy.DESTROY)]
    public void RemovalPolicyOf_KnownValue_Maps(string value, RemovalPolicy expected) =>
        Assert.Equal(expected, StackSettings.RemovalPolicyOf(value));

    [Fact]
    public void RemovalPolicyOf_Snapshot_IsRejected()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StackSettings.RemovalPolicyOf("snapshot"));
        Assert.Contains("'destroy' or 'retain'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7", RetentionDays.ONE_WEEK)]
    [InlineData("365", RetentionDays.ONE_YEAR)]
    public void RetentionOf_SupportedDays_Maps(string value, RetentionDays expected) =>
        Assert.Equal(expected, StackSettings.RetentionOf(value));

    [Theory]
    [InlineData("8")]
    [InlineData("week")]
    public void RetentionOf_UnsupportedValue_IsRejected(string value) =>
        Assert.Throws<InvalidOperationException>(() => StackSettings.RetentionOf(value));
}
