using Aws.Pricing;

namespace Poc.Cli.Cost;

/// <summary>Billing units of the four services, as AWS meters them for this architecture.</summary>
/// <param name="Transitions">Step Functions Standard state transitions.</param>
/// <param name="LambdaRequests">Lambda requests (invocations).</param>
/// <param name="LambdaGbSeconds">Lambda duration × memory, in GB-seconds.</param>
/// <param name="ReadRequestUnits">DynamoDB on-demand read request units.</param>
/// <param name="WriteRequestUnits">DynamoDB on-demand write request units (GSI writes included).</param>
/// <param name="SchedulerInvocations">EventBridge Scheduler invocations.</param>
public sealed record BillingUnits(
    double Transitions,
    double LambdaRequests,
    double LambdaGbSeconds,
    double ReadRequestUnits,
    double WriteRequestUnits,
    double SchedulerInvocations)
{
    /// <summary>No units at all.</summary>
    public static BillingUnits Zero { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>Each price of <paramref name="prices"/>, in its order, with how many of these units it applies to.</summary>
    public IReadOnlyList<(Price Price, double Units)> Priced(PriceTable prices)
    {
        ArgumentNullException.ThrowIfNull(prices);
        return
        [
            (prices.Transitions, Transitions),
            (prices.LambdaRequests, LambdaRequests),
            (prices.LambdaGbSeconds, LambdaGbSeconds),
            (prices.ReadRequestUnits, ReadRequestUnits),
            (prices.WriteRequestUnits, WriteRequestUnits),
            (prices.SchedulerInvocations, SchedulerInvocations),
        ];
    }

    /// <summary>The sum of this and <paramref name="other"/>.</summary>
    public BillingUnits Plus(BillingUnits other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return new(
            Transitions + other.Transitions,
            LambdaRequests + other.LambdaRequests,
            LambdaGbSeconds + other.LambdaGbSeconds,
            ReadRequestUnits + other.ReadRequestUnits,
            WriteRequestUnits + other.WriteRequestUnits,
            SchedulerInvocations + other.SchedulerInvocations);
    }

    /// <summary>Every unit multiplied by <paramref name="factor"/>.</summary>
    public BillingUnits Times(double factor) => new(
        Transitions * factor,
        LambdaRequests * factor,
        LambdaGbSeconds * factor,
        ReadRequestUnits * factor,
        WriteRequestUnits * factor,
        SchedulerInvocations * factor);
}
