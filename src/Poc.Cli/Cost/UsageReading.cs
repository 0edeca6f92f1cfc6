namespace Poc.Cli.Cost;

/// <summary>One counter of GET /_localcloud/usage: a billing metric of one resource.</summary>
public sealed record UsageReading(string Service, string Metric, string Resource, double Amount);
