using Aws.Clients.Configuration;

namespace Aws.Clients.Tests.Configuration;

public sealed class AwsRegionResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Resolve_Explicit_WinsOverEnvironmentAndProfile() =>
        Assert.Equal("ap-south-1", AwsRegionResolver.Resolve("ap-south-1", Env(("AWS_REGION", "eu-west-1")), () => "us-west-2"));

    [Fact]
    public void Resolve_AwsRegionAndDefaultRegion_AwsRegionWins() =>
        Assert.Equal("eu-west-1", AwsRegionResolver.Resolve(null, Env(("AWS_DEFAULT_REGION", "eu-west-2"), ("AWS_REGION", "eu-west-1")), () => "us-west-2"));

    [Fact]
    public void Resolve_OnlyDefaultRegion_UsesIt() =>
        Assert.Equal("eu-west-2", AwsRegionResolver.Resolve(null, Env(("AWS_DEFAULT_REGION", "eu-west-2")), () => "us-west-2"));

    [Fact]
    public void Resolve_NoVariables_UsesProfileRegion() =>
        Assert.Equal("us-west-2", AwsRegionResolver.Resolve(null, Env(), () => "us-west-2"));

    [Fact]
    public void Resolve_NothingConfigured_FallsBackToUsEast1() =>
        Assert.Equal("us-east-1", AwsRegionResolver.Resolve(null, Env(), () => null));
}
