namespace LocalCloud.Lambda.Functions;

internal static class FunctionArns
{
    public static string Of(string region, string accountId, string functionName)
        => $"arn:aws:lambda:{region}:{accountId}:function:{functionName}";
}
