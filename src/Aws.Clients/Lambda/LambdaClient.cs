using System.Globalization;
using Aws.Clients.Runtime;
using Aws.Clients.Serialization;

namespace Aws.Clients.Lambda;

/// <summary>
/// AWS Lambda over restJson1 (paths under /2015-03-31/functions), signed as "lambda".
/// Works against AWS, LocalCloud and LocalStack; see docs/aws-clients.md.
/// </summary>
public sealed class LambdaClient
{
    private const string Functions = "/2015-03-31/functions";
    private readonly AwsHttpPipeline pipeline;
    private readonly RestJsonProtocol protocol;

    /// <summary>Creates a client; unset settings are resolved from the environment.</summary>
    public LambdaClient(AwsClientConfig? config = null)
    {
        pipeline = new AwsHttpPipeline(AwsServiceDescriptor.Lambda, config);
        protocol = new RestJsonProtocol(pipeline, AwsJson.PascalCase);
    }

    /// <summary>The resolved region.</summary>
    public string Region => pipeline.Region;

    /// <summary>The resolved endpoint.</summary>
    public Uri Endpoint => pipeline.Endpoint;

    /// <summary>Creates a function (POST /2015-03-31/functions).</summary>
    public async Task<CreateFunctionResponse> CreateFunctionAsync(CreateFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(HttpMethod.Post, Functions, null, request, cancellationToken).ConfigureAwait(false);
        return protocol.Read<CreateFunctionResponse>(response);
    }

    /// <summary>Gets a function's configuration and code location (GET /2015-03-31/functions/{FunctionName}).</summary>
    public async Task<GetFunctionResponse> GetFunctionAsync(GetFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(
            HttpMethod.Get, $"{Functions}/{RestJsonProtocol.Label(request.FunctionName)}", [new("Qualifier", request.Qualifier)], null, cancellationToken).ConfigureAwait(false);
        return protocol.Read<GetFunctionResponse>(response);
    }

    /// <summary>Lists functions, one page (GET /2015-03-31/functions); pass NextMarker back as Marker.</summary>
    public async Task<ListFunctionsResponse> ListFunctionsAsync(ListFunctionsRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = new KeyValuePair<string, string?>[]
        {
            new("FunctionVersion", request.FunctionVersion),
            new("Marker", request.Marker),
            new("MasterRegion", request.MasterRegion),
            new("MaxItems", request.MaxItems?.ToString(CultureInfo.InvariantCulture)),
        };
        var response = await protocol.SendAsync(HttpMethod.Get, Functions, query, null, cancellationToken).ConfigureAwait(false);
        return protocol.Read<ListFunctionsResponse>(response);
    }

    /// <summary>Lists all functions, following NextMarker until the last page.</summary>
    public async Task<IReadOnlyList<FunctionConfiguration>> ListFunctionsAllAsync(ListFunctionsRequest? request = null, CancellationToken cancellationToken = default)
    {
        var page = request ?? new ListFunctionsRequest();
        var functions = new List<FunctionConfiguration>();
        while (true)
        {
            var response = await ListFunctionsAsync(page, cancellationToken).ConfigureAwait(false);
            functions.AddRange(response.Functions);
            if (string.IsNullOrEmpty(response.NextMarker))
            {
                return functions;
            }

            page = page with { Marker = response.NextMarker };
        }
    }

    /// <summary>Deletes a function or one version (DELETE /2015-03-31/functions/{FunctionName}).</summary>
    public async Task<DeleteFunctionResponse> DeleteFunctionAsync(DeleteFunctionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(
            HttpMethod.Delete, $"{Functions}/{RestJsonProtocol.Label(request.FunctionName)}", [new("Qualifier", request.Qualifier)], null, cancellationToken).ConfigureAwait(false);
        return new DeleteFunctionResponse { StatusCode = response.StatusCode };
    }

    /// <summary>Replaces a function's code (PUT /2015-03-31/functions/{FunctionName}/code).</summary>
    public async Task<UpdateFunctionCodeResponse> UpdateFunctionCodeAsync(UpdateFunctionCodeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(
            HttpMethod.Put, $"{Functions}/{RestJsonProtocol.Label(request.FunctionName)}/code", null, request, cancellationToken).ConfigureAwait(false);
        return protocol.Read<UpdateFunctionCodeResponse>(response);
    }

    /// <summary>Changes a function's settings (PUT /2015-03-31/functions/{FunctionName}/configuration).</summary>
    public async Task<UpdateFunctionConfigurationResponse> UpdateFunctionConfigurationAsync(UpdateFunctionConfigurationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var response = await protocol.SendAsync(
            HttpMethod.Put, $"{Functions}/{RestJsonProtocol.Label(request.FunctionName)}/configuration", null, request, cancellationToken).ConfigureAwait(false);
        return protocol.Read<UpdateFunctionConfigurationResponse>(response);
    }

    /// <summary>
    /// Invokes a function (POST /2015-03-31/functions/{FunctionName}/invocations). A function error is not an exception:
    /// it comes back as <see cref="InvokeResponse.FunctionError"/> with the error JSON as the payload.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(InvokeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var headers = new List<KeyValuePair<string, string>> { new("X-Amz-Invocation-Type", request.InvocationType) };
        if (request.LogType is not null)
        {
            headers.Add(new("X-Amz-Log-Type", request.LogType));
        }

        if (request.ClientContext is not null)
        {
            headers.Add(new("X-Amz-Client-Context", request.ClientContext));
        }

        var query = request.Qualifier is null ? new List<KeyValuePair<string, string>>() : [new("Qualifier", request.Qualifier)];
        var path = $"{Functions}/{RestJsonProtocol.Label(request.FunctionName)}/invocations";
        var response = await pipeline.SendAsync(
            new AwsHttpRequest(HttpMethod.Post, path, query, headers, request.Payload ?? [], "application/json"), cancellationToken).ConfigureAwait(false);
        return new InvokeResponse
        {
            StatusCode = response.StatusCode,
            FunctionError = response.Header("X-Amz-Function-Error"),
            LogResult = response.Header("X-Amz-Log-Result"),
            ExecutedVersion = response.Header("X-Amz-Executed-Version"),
            Payload = response.Body,
        };
    }
}
