using Aws.SigV4.Tests.Support;

namespace Aws.SigV4.Tests;

public sealed class SigV4TestSuiteTests
{
    private const string Missing = "(suite missing)";

    public static TheoryData<string> Cases()
    {
        var root = TestPaths.SigV4TestSuite();
        var data = new TheoryData<string>();
        if (!Directory.Exists(root))
        {
            // A theory without rows fails; one sentinel row lets the test skip with the path in the message.
            data.Add(Missing);
            return data;
        }

        foreach (var folder in Directory.GetDirectories(root).Where(f => File.Exists(Path.Combine(f, "context.json"))).Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(folder));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sign_SuiteCase_MatchesCanonicalRequestStringToSignAndSignature(string caseName)
    {
        var root = TestPaths.SigV4TestSuite();
        if (caseName == Missing)
        {
            Assert.Skip($"SigV4 test suite not found at {root} (set SIGV4_TEST_SUITE to its folder)");
        }

        var testCase = SigV4TestSuiteCase.Load(Path.Combine(root, caseName));
        var result = new SigV4Signer(testCase.Options).Sign(testCase.Request, testCase.Credentials, testCase.Region, testCase.Service, testCase.Timestamp);

        Assert.Equal(testCase.ExpectedCanonicalRequest, result.CanonicalRequest);
        Assert.Equal(testCase.ExpectedStringToSign, result.StringToSign);
        Assert.Equal(testCase.ExpectedSignature, result.Signature);
    }

    [Fact]
    public void Cases_SuitePresent_FindsEveryFolder()
    {
        var root = TestPaths.SigV4TestSuite();
        if (!Directory.Exists(root))
        {
            Assert.Skip($"SigV4 test suite not found at {root}");
        }

        // The published suite has 38 cases; fewer means the loader silently dropped some.
        Assert.True(Cases().Count >= 38, $"only {Cases().Count} cases found under {root}");
    }
}
