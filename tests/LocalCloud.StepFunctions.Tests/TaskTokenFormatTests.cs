using LocalCloud.StepFunctions.Engine.Tokens;

namespace LocalCloud.StepFunctions.Tests;

/// <summary>Tokens have the shape of AWS's, so what stores and bills them weighs the same.</summary>
public sealed class TaskTokenFormatTests
{
    [Fact]
    public void Mint_HasAwsLengthAlphabetAndHeader()
    {
        var token = TaskTokenFormat.Mint();

        Assert.Equal(684, token.Length);
        Assert.StartsWith("AAAAKgAAAAIAAAAAAAAAA", token, StringComparison.Ordinal);
        Assert.Equal(512, Convert.FromBase64String(token).Length);
        Assert.True(TaskTokenFormat.IsWellFormed(token));
    }

    [Fact]
    public void Mint_IsRandomAfterTheHeader()
    {
        var tokens = Enumerable.Range(0, 1000).Select(_ => TaskTokenFormat.Mint()).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(1000, tokens.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void IsWellFormed_RefusesOtherStrings(string token) => Assert.False(TaskTokenFormat.IsWellFormed(token));

    [Fact]
    public void IsWellFormed_RefusesRightLengthWithoutTheHeaderOrWithBadCharacters()
    {
        var token = TaskTokenFormat.Mint();

        Assert.False(TaskTokenFormat.IsWellFormed(string.Concat("B", token.AsSpan(1))));
        Assert.False(TaskTokenFormat.IsWellFormed(string.Concat(token.AsSpan(0, 100), "!", token.AsSpan(101))));
        Assert.False(TaskTokenFormat.IsWellFormed(token[..^4]));
    }
}
