namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>What ILambdaContext tells the handler about the invocation it is running.</summary>
internal sealed record InvocationInfo(string RequestId, string InvokedFunctionArn, long DeadlineMs)
{
    public TimeSpan RemainingTime
    {
        get
        {
            var deadline = DateTimeOffset.FromUnixTimeMilliseconds(Math.Min(DeadlineMs, DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()));
            var left = deadline - DateTimeOffset.UtcNow;
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }
}
