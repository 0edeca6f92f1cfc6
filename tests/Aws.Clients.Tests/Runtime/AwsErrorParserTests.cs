using System.Text;
using Aws.Clients.Runtime;

namespace Aws.Clients.Tests.Runtime;

public sealed class AwsErrorParserTests
{
    [Theory]
    [InlineData("com.amazonaws.sfn#TaskTimedOut", "TaskTimedOut")]
    [InlineData("ResourceNotFoundException:http://internal.amazon.com/coral/com.amazonaws.lambda/", "ResourceNotFoundException")]
    [InlineData("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError")]
    [InlineData("  ValidationException ", "ValidationException")]
    [InlineData("", null)]
    public void Sanitize_WireForms_KeepsBareCode(string raw, string? expected) =>
        Assert.Equal(expected, AwsErrorParser.Sanitize(raw));

    [Fact]
    public void Parse_HeaderAndBodyCode_HeaderWins()
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["X-Amzn-ErrorType"] = "FromHeader" };

        var error = AwsErrorParser.Parse(400, "Bad Request", headers, Encoding.UTF8.GetBytes("""{"__type":"FromBody","Message":"m"}"""));

        Assert.Equal("FromHeader", error.ErrorCode);
        Assert.Equal("m", error.Message);
    }

    [Fact]
    public void Parse_CodeMember_UsedBeforeType()
    {
        var error = AwsErrorParser.Parse(400, null, new Dictionary<string, string>(), Encoding.UTF8.GetBytes("""{"code":"FromCode","__type":"FromType"}"""));

        Assert.Equal("FromCode", error.ErrorCode);
    }

    [Fact]
    public void Parse_NonJsonBody_FallsBackToStatus()
    {
        var error = AwsErrorParser.Parse(502, "Bad Gateway", new Dictionary<string, string>(), Encoding.UTF8.GetBytes("<html/>"));

        Assert.Equal("InternalFailure", error.ErrorCode);
        Assert.Equal(502, error.StatusCode);
        Assert.Contains("502", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0.999, 100)]
    [InlineData(3, 0.999, 800)]
    [InlineData(20, 0.999, 20_000)]
    public void Backoff_FullJitter_StaysUnderCappedCeiling(int retry, double random, double ceilingMs)
    {
        var delay = AwsRetryPolicy.Backoff(retry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), random);

        Assert.InRange(delay.TotalMilliseconds, ceilingMs * 0.99, ceilingMs);
        Assert.Equal(TimeSpan.Zero, AwsRetryPolicy.Backoff(retry, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(20), 0));
    }
}
