using LocalCloud.Core;
using LocalCloud.Lambda.Api;

namespace LocalCloud.Lambda.Tests;

public sealed class FunctionReferenceTests
{
    private static readonly RequestContext Caller = new("000000000000", "us-east-1", "r");

    [Theory]
    [InlineData("my-fn", "000000000000", "us-east-1", "my-fn", null)]
    [InlineData("my-fn:$LATEST", "000000000000", "us-east-1", "my-fn", "$LATEST")]
    [InlineData("123456789012:function:my-fn", "123456789012", "us-east-1", "my-fn", null)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:my-fn", "123456789012", "eu-west-1", "my-fn", null)]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:my-fn:prod", "123456789012", "eu-west-1", "my-fn", "prod")]
    public void Parse_AcceptedForms_YieldAccountRegionNameQualifier(string input, string account, string region, string name, string? qualifier)
    {
        var reference = FunctionReference.Parse(input, Caller);

        Assert.Equal((account, region, name, qualifier), (reference.AccountId, reference.Region, reference.Name, reference.Qualifier));
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("arn:aws:s3:::bucket")]
    public void Parse_Malformed_ThrowsValidationException(string input)
    {
        var error = Assert.Throws<AwsServiceException>(() => FunctionReference.Parse(input, Caller));

        Assert.Equal("ValidationException", error.ErrorCode);
    }

    [Fact]
    public void Parse_QualifierConflictsWithName_ThrowsInvalidParameterValue()
    {
        var error = Assert.Throws<AwsServiceException>(() => FunctionReference.Parse("my-fn:1", Caller, "2"));

        Assert.Equal("InvalidParameterValueException", error.ErrorCode);
    }
}
