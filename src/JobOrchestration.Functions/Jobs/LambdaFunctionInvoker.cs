using System.Text;
using Aws.Clients;
using Aws.Clients.Lambda;

namespace JobOrchestration.Functions.Jobs;

/// <summary>RequestResponse Lambda Invoke; a function error or a Lambda API error becomes <see cref="JobApiFailed"/>.</summary>
public sealed class LambdaFunctionInvoker(LambdaClient client) : IFunctionInvoker
{
    public async Task<byte[]> InvokeAsync(string functionName, byte[] payload, CancellationToken cancellationToken)
    {
        InvokeResponse response;
        try
        {
            response = await client.InvokeAsync(new InvokeRequest { FunctionName = functionName, Payload = payload }, cancellationToken);
        }
        catch (AwsApiException ex)
        {
            throw new JobApiFailed($"Invoking {functionName} failed: {ex.ErrorCode}: {ex.Message}", ex);
        }

        // With X-Amz-Function-Error set, the payload is the function's {"errorType","errorMessage"} document.
        // https://docs.aws.amazon.com/lambda/latest/api/API_Invoke.html#API_Invoke_ResponseSyntax
        if (response.FunctionError is not null)
        {
            throw new JobApiFailed($"{functionName} failed ({response.FunctionError}): {Encoding.UTF8.GetString(response.Payload)}");
        }

        return response.Payload;
    }
}
