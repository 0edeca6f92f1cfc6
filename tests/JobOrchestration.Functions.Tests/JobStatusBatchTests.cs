using System.Text.Json.Nodes;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.Jobs;

namespace JobOrchestration.Functions.Tests;

public class JobStatusBatchTests
{
    [Fact]
    public void FromJson_ItsOwnJson_RoundTrips()
    {
        var batch = new JobStatusBatch(
            [new JobStatusReport("job-1", JobStatus.Completed, 2, 40, new JsonObject { ["recordsProcessed"] = 2000 })],
            [new JobCheckError("job-2", "UnknownJob", "Job 'job-2' does not exist.")]);

        var parsed = JobStatusBatch.FromJson(batch.ToJson());

        Assert.Equal(batch.ToJson().ToJsonString(), parsed.ToJson().ToJsonString());
    }

    [Theory]
    [InlineData("""{"jobs":{"jobId":"job-1"}}""", "jobs' must be an array")]
    [InlineData("""{"jobs":[42]}""", "jobs' must hold objects")]
    [InlineData("""{"jobs":[{"status":"RUNNING"}]}""", "jobId")]
    [InlineData("""{"errors":[{"errorType":"UnknownJob"}]}""", "jobId")]
    public void FromJson_UnexpectedShape_ThrowsInvalidPayloadSayingWhat(string json, string expected)
    {
        var error = Assert.Throws<InvalidPayload>(() => JobStatusBatch.FromJson(JsonNode.Parse(json)!.AsObject()));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
