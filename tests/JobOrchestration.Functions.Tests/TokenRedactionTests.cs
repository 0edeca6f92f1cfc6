using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Tests;

public class TokenRedactionTests
{
    [Theory]
    [InlineData("AAAAKHqCWlcHc2VjcmV0LXRva2Vu", "AAAAKHqC…")]
    [InlineData("123456789", "12345678…")]
    [InlineData("12345678", "********")]
    [InlineData("abc", "***")]
    [InlineData("", "(none)")]
    [InlineData(null, "(none)")]
    public void Redact_AnyToken_ShowsAtMostTheFirstEightCharacters(string? token, string expected)
    {
        Assert.Equal(expected, TokenRedaction.Redact(token));
    }
}
