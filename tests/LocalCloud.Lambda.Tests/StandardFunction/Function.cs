using Amazon.Lambda.Core;

[assembly: LambdaSerializer(typeof(Amazon.Lambda.Serialization.SystemTextJson.DefaultLambdaJsonSerializer))]

namespace StandardFunction;

public sealed record Order(string Id, int Quantity, int UnitPrice);

public sealed record Receipt(string OrderId, int Total, string RequestId, string FunctionName, string FunctionVersion, string InvokedFunctionArn, int MemoryLimitInMB, double RemainingMs, string LogGroupName, string LogStreamName, string Instance, int Constructed);

public sealed record Allocation(int Megabytes);

/// <summary>Handlers as a .NET Lambda is written for AWS: "StandardFunction::StandardFunction.Function::{Method}".</summary>
public sealed class Function
{
    private static int s_constructed;
    private readonly string _instance = Guid.NewGuid().ToString("N");

    public Function() => Interlocked.Increment(ref s_constructed);

    public async Task<Receipt> Checkout(Order order, ILambdaContext context)
    {
        context.Logger.LogInformation($"checking out {order.Id}");
        await Task.Yield();
        return new Receipt(order.Id, order.Quantity * order.UnitPrice, context.AwsRequestId, context.FunctionName, context.FunctionVersion,
            context.InvokedFunctionArn, context.MemoryLimitInMB, context.RemainingTime.TotalMilliseconds, context.LogGroupName,
            context.LogStreamName, _instance, s_constructed);
    }

    public int Total(Order order) => order.Quantity * order.UnitPrice;

    public void Log(ILambdaContext context)
    {
        context.Logger.LogLine("line through LogLine");
        context.Logger.LogWarning("a warning");
        Console.WriteLine("through Console");
    }

    public Task NothingAtAll() => Task.CompletedTask;

    public Receipt Reject(Order order) => throw new ArgumentException($"order {order.Id} has no items", nameof(order));

    /// <summary>Holds on to the requested megabytes, to outgrow MemorySize.</summary>
    public int Allocate(Allocation request)
    {
        var held = new List<byte[]>();
        for (var i = 0; i < request.Megabytes; i++)
        {
            var block = new byte[1024 * 1024];
            block.AsSpan().Fill(1);
            held.Add(block);
        }
        return held.Count;
    }
}
