using System.Text.Json.Nodes;
using Poc.Bench.Support;

namespace LocalCloud.Benchmarks.Engine;

/// <summary>
/// The throughput machine written in JSONata (every Parameters, ResultPath, Choice rule and ItemSelector an
/// expression) against the same machine in JSONPath, in the same process, alternating so load drifts hit both alike.
/// Issue #12's target: JSONata states within 2× of the JSONPath states' transitions per second.
/// </summary>
public static class JsonataThroughputBench
{
    // The same 25 transitions per execution as ThroughputBench.Definition, doing the same work with expressions.
    public const string Definition = """
        {
          "QueryLanguage": "JSONata",
          "StartAt": "Init",
          "States": {
            "Init": { "Type": "Pass", "Output": "{% $merge([$states.input, {'data': {'items': [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 'label': 'bench'}}]) %}", "Next": "IsBig" },
            "IsBig": {
              "Type": "Choice",
              "Choices": [ { "Condition": "{% $states.input.data.label = 'bench' %}", "Next": "EachItem" } ],
              "Default": "Done"
            },
            "EachItem": {
              "Type": "Map",
              "Items": "{% $states.input.data.items %}",
              "ItemSelector": { "value": "{% $states.context.Map.Item.Value %}", "index": "{% $states.context.Map.Item.Index %}" },
              "ItemProcessor": {
                "StartAt": "Classify",
                "States": {
                  "Classify": {
                    "Type": "Choice",
                    "Choices": [ { "Condition": "{% $states.input.value > 5 %}", "Next": "Big" } ],
                    "Default": "Small"
                  },
                  "Big": { "Type": "Pass", "Output": { "size": "big", "v": "{% $states.input.value %}" }, "End": true },
                  "Small": { "Type": "Pass", "Output": { "size": "small", "v": "{% $states.input.value %}" }, "End": true }
                }
              },
              "Output": "{% $merge([$states.input, {'mapped': $states.result}]) %}",
              "Next": "Summarise"
            },
            "Summarise": { "Type": "Pass", "Output": { "count": "{% $count($states.input.mapped) %}", "first": "{% $states.input.mapped[0] %}" }, "Next": "Done" },
            "Done": { "Type": "Succeed" }
          }
        }
        """;

    public const double TargetRatio = 2.0;

    public static async Task RunAsync(int executions, BenchReport report, CancellationToken ct)
    {
        // The comparison is fair only if both machines do the same work: one execution of each must give the same output.
        var sameOutput = await ThroughputBench.OutputOfOneAsync(ThroughputBench.Definition, ct) is { } expected
            && expected == await ThroughputBench.OutputOfOneAsync(Definition, ct);
        var jsonPath = new List<ThroughputBench.Measurement>();
        var jsonata = new List<ThroughputBench.Measurement>();
        for (var round = 0; round < 3; round++)
        {
            jsonPath.Add(await ThroughputBench.MeasureAsync(ThroughputBench.Definition, executions, ct));
            jsonata.Add(await ThroughputBench.MeasureAsync(Definition, executions, ct));
        }
        var path = Median(jsonPath);
        var ata = Median(jsonata);
        var ratio = path.PerSecond / ata.PerSecond;
        report.Section("jsonataThroughput", new JsonObject
        {
            ["method"] = "ThroughputBench's Pass/Choice/Map machine and the same machine in JSONata, in-process, 3 alternating rounds, median of each",
            ["executions"] = executions,
            ["jsonPathTransitionsPerSecond"] = Math.Round(path.PerSecond),
            ["jsonataTransitionsPerSecond"] = Math.Round(ata.PerSecond),
            ["jsonPathAllocatedBytesPerTransition"] = Math.Round(path.AllocatedPerTransition),
            ["jsonataAllocatedBytesPerTransition"] = Math.Round(ata.AllocatedPerTransition),
            ["failedExecutions"] = jsonPath.Sum(m => m.Failed) + jsonata.Sum(m => m.Failed),
            ["sameOutput"] = sameOutput,
            ["slowdown"] = Math.Round(ratio, 2),
            ["targetSlowdown"] = TargetRatio,
            ["targetMet"] = sameOutput && ratio <= TargetRatio && jsonPath.Concat(jsonata).All(m => m.Failed == 0),
        });
        report.Row("jsonata", $"JSONata vs JSONPath transitions/s ({executions} executions, median of 3)",
            FormattableString.Invariant($"{ata.PerSecond:0} vs {path.PerSecond:0} /s ({ratio:0.00}× slower; {ata.AllocatedPerTransition / 1024:0.0} vs {path.AllocatedPerTransition / 1024:0.0} KiB each)"),
            "≤ 2× slower");
    }

    private static ThroughputBench.Measurement Median(List<ThroughputBench.Measurement> runs) => runs.OrderBy(m => m.PerSecond).ElementAt(runs.Count / 2);
}
