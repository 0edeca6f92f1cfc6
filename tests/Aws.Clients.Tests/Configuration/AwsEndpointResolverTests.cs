using Aws.Clients.Configuration;
using Aws.Clients.Lambda;
using Aws.Clients.Scheduler;
using Aws.Clients.StepFunctions;

namespace Aws.Clients.Tests.Configuration;

public sealed class AwsEndpointResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Theory]
    [InlineData("SFN", "AWS_ENDPOINT_URL_SFN")]
    [InlineData("Lambda", "AWS_ENDPOINT_URL_LAMBDA")]
    [InlineData("Scheduler", "AWS_ENDPOINT_URL_SCHEDULER")]
    [InlineData("API Gateway", "AWS_ENDPOINT_URL_API_GATEWAY")]
    public void ServiceEndpointVariable_ServiceId_FollowsSdkConvention(string serviceId, string expected) =>
        Assert.Equal(expected, AwsEndpointResolver.ServiceEndpointVariable(serviceId));

    [Fact]
    public void Resolve_ExplicitUrl_WinsOverEnvironment()
    {
        var uri = AwsEndpointResolver.Resolve("SFN", "states", "us-east-1", "http://explicit:1", Env(("AWS_ENDPOINT_URL_SFN", "http://sfn:2"), ("AWS_ENDPOINT_URL", "http://all:3")));

        Assert.Equal(new Uri("http://explicit:1"), uri);
    }

    [Fact]
    public void Resolve_ServiceAndGlobalVariables_ServiceSpecificWins()
    {
        var uri = AwsEndpointResolver.Resolve("SFN", "states", "us-east-1", null, Env(("AWS_ENDPOINT_URL_SFN", "http://sfn:2"), ("AWS_ENDPOINT_URL", "http://all:3")));

        Assert.Equal(new Uri("http://sfn:2"), uri);
    }

    [Fact]
    public void Resolve_OnlyGlobalVariable_UsesIt()
    {
        var uri = AwsEndpointResolver.Resolve("Lambda", "lambda", "us-east-1", null, Env(("AWS_ENDPOINT_URL_SFN", "http://sfn:2"), ("AWS_ENDPOINT_URL", "http://all:3")));

        Assert.Equal(new Uri("http://all:3"), uri);
    }

    [Fact]
    public void Resolve_IgnoreConfiguredEndpoints_UsesAwsDefault()
    {
        var uri = AwsEndpointResolver.Resolve("Lambda", "lambda", "eu-west-1", null, Env(("AWS_ENDPOINT_URL", "http://all:3"), ("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true")));

        Assert.Equal(new Uri("https://lambda.eu-west-1.amazonaws.com"), uri);
    }

    [Theory]
    [InlineData("states", "eu-central-1", "https://states.eu-central-1.amazonaws.com/")]
    [InlineData("scheduler", "us-west-2", "https://scheduler.us-west-2.amazonaws.com/")]
    [InlineData("lambda", "cn-north-1", "https://lambda.cn-north-1.amazonaws.com.cn/")]
    public void Resolve_NothingConfigured_UsesRegionalAwsEndpoint(string prefix, string region, string expected) =>
        Assert.Equal(expected, AwsEndpointResolver.Resolve("X", prefix, region, null, Env()).ToString());

    [Fact]
    public void Resolve_NotAUrl_ThrowsNamingTheSource()
    {
        var error = Assert.Throws<ArgumentException>(() => AwsEndpointResolver.Resolve("SFN", "states", "us-east-1", null, Env(("AWS_ENDPOINT_URL_SFN", "localhost:4566"))));

        Assert.Contains("AWS_ENDPOINT_URL_SFN", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Clients_EnvironmentLookup_EachUsesItsOwnServiceVariable()
    {
        var env = Env(("AWS_ENDPOINT_URL_SFN", "http://sfn:1"), ("AWS_ENDPOINT_URL_LAMBDA", "http://lambda:2"), ("AWS_ENDPOINT_URL_SCHEDULER", "http://scheduler:3"), ("AWS_REGION", "eu-west-1"));
        var config = new AwsClientConfig { EnvironmentVariables = env, Credentials = new("a", "b") };

        Assert.Equal(new Uri("http://sfn:1"), new StepFunctionsClient(config).Endpoint);
        Assert.Equal(new Uri("http://lambda:2"), new LambdaClient(config).Endpoint);
        Assert.Equal(new Uri("http://scheduler:3"), new SchedulerClient(config).Endpoint);
        Assert.Equal("eu-west-1", new SchedulerClient(config).Region);
    }
}
