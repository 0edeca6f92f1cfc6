using LocalCloud.Core;
using LocalCloud.DynamoDb.Model;

namespace LocalCloud.DynamoDb.Tests;

public class NumberTests
{
    [Theory]
    [InlineData("1.50", "1.5")]
    [InlineData("0100", "100")]
    [InlineData("-0.000", "0")]
    [InlineData("1e3", "1000")]
    [InlineData("1.2E-3", "0.0012")]
    [InlineData("12345678901234567890123456789012345678", "12345678901234567890123456789012345678")]
    [InlineData("9.9999999999999999999999999999999999999E+125", "9.9999999999999999999999999999999999999E+125")]
    public void Parse_Valid_NormalisesOutput(string input, string expected)
        => Assert.Equal(expected, DynamoNumber.Parse(input).ToString());

    [Theory]
    [InlineData("123456789012345678901234567890123456789", "Attempting to store more than 38 significant digits in a Number")]
    [InlineData("1E+126", "Number overflow. Attempting to store a number with magnitude larger than supported range")]
    [InlineData("1E-131", "Number underflow. Attempting to store a number with magnitude smaller than supported range")]
    [InlineData("abc", "A value provided cannot be converted into a number")]
    public void Parse_OutOfRange_ThrowsValidation(string input, string message)
        => Assert.Equal(message, Assert.Throws<AwsServiceException>(() => DynamoNumber.Parse(input)).Message);

    [Fact]
    public void Compare_BeyondDecimalPrecision_IsExact()
    {
        var a = DynamoNumber.Parse("10000000000000000000000000000000000001");
        var b = DynamoNumber.Parse("10000000000000000000000000000000000000");

        Assert.True(a > b);
        Assert.Equal("10000000000000000000000000000000000002", (a + DynamoNumber.FromInt(1)).ToString());
    }
}
