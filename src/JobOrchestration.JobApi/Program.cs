using Amazon.DynamoDBv2;
using JobOrchestration.Functions.Common;
using JobOrchestration.Functions.SimulatedApi;
using JobOrchestration.JobApi;

// The simulated job API on its own: jobs in the poc-jobs table of whatever DynamoDB AWS_ENDPOINT_URL names (LocalCloud).
// Usage: JobOrchestration.JobApi [port] — JOB_API_KEY, when set, is required of every client.
var port = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 0;
var settings = FunctionSettings.FromEnvironment();
await using var server = await JobApiServer.StartAsync(
    new DynamoDbJobRepository(new AmazonDynamoDBClient(), settings.JobsTable), port, Environment.GetEnvironmentVariable("JOB_API_KEY"));
Console.WriteLine($"job API listening on {server.BaseUrl}");
var stopped = new TaskCompletionSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    stopped.TrySetResult();
};
await stopped.Task;
