using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;

namespace JobOrchestration.Functions.Jobs;

/// <summary>The job API reached by invoking poc-simulated-api with its JSON payloads.</summary>
public sealed class LambdaJobApi(IFunctionInvoker invoker, string functionName) : IJobApi
{
    public Task<CreatedJob> CreateJobAsync(JobRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return CallAsync(request.ToJson(), CreatedJob.FromJson, cancellationToken);
    }

    public Task<JobStatusReport> CheckStatusAsync(string jobId, CancellationToken cancellationToken) =>
        CallAsync(new JsonObject { ["action"] = "CHECK_STATUS", ["jobId"] = jobId }, JobStatusReport.FromJson, cancellationToken);

    public Task<JobStatusBatch> CheckStatusesAsync(IReadOnlyList<string> jobIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobIds);
        var request = new JsonObject { ["action"] = "CHECK_STATUS_BATCH", ["jobIds"] = new JsonArray([.. jobIds.Select(id => (JsonNode)id)]) };
        return CallAsync(request, JobStatusBatch.FromJson, cancellationToken);
    }

    private async Task<T> CallAsync<T>(JsonObject request, Func<JsonObject, T> parse, CancellationToken cancellationToken)
    {
        var action = request["action"]!.GetValue<string>();
        var response = await invoker.InvokeAsync(functionName, Encoding.UTF8.GetBytes(request.ToJsonString()), cancellationToken);
        try
        {
            var json = JsonNode.Parse(response) as JsonObject
                ?? throw new JobApiFailed($"{functionName} answered {action} with something other than a JSON object.");
            return parse(json);
        }
        catch (JsonException ex)
        {
            throw new JobApiFailed($"{functionName} answered {action} with invalid JSON: {ex.Message}", ex);
        }
        catch (InvalidPayload ex)
        {
            throw new JobApiFailed($"{functionName} answered {action} with an unexpected shape: {ex.Message}", ex);
        }
    }
}
