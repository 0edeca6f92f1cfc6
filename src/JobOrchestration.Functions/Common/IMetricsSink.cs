using System.Text.Json.Nodes;

namespace JobOrchestration.Functions.Common;

/// <summary>Where the functions publish CloudWatch metrics: one Embedded Metric Format document per call.</summary>
public interface IMetricsSink
{
    void Publish(JsonObject document);
}
