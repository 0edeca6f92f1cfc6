namespace LocalCloud.DynamoDb.Metering;

/// <summary>
/// Capacity units as DynamoDB bills them
/// (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/read-write-operations.html):
/// reads in 4 KB units (eventually consistent = half), writes in 1 KB units, at least one unit each.
/// Query and Scan round the total size read once, not per item.
/// </summary>
internal static class CapacityUnits
{
    public static double Read(long bytes, bool consistent) => Math.Max(1, Math.Ceiling(bytes / 4096.0)) * (consistent ? 1 : 0.5);

    public static double Write(long bytes) => Math.Max(1, Math.Ceiling(bytes / 1024.0));
}
