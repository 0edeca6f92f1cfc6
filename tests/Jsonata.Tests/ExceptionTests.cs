namespace Jsonata.Tests;

public sealed class ExceptionTests
{
    [Fact]
    public void CarriesTheReferenceCodePositionAndToken()
    {
        var error = new JsonataException("S0202", "Expected \")\", got \"]\"", 5, "]");
        Assert.Equal(("S0202", 5, "]"), (error.Code, error.Position, error.Token));
    }
}
