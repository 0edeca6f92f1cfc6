
namespace LocalCloud.Lambda.Api.Operations;

/// <summary>
/// Lambda operations LocalCloud does not serve (method and URI from the API model's http traits). They answer a
/// clear "not implemented" instead of a route-not-found, so a caller learns which feature is missing.
/// </summary>
internal static class NotImplementedOperations
{
    public static readonly IReadOnlyList<(string Operation, string Method, string Uri)> All =
    [
        ("AddLayerVersionPermission", "POST", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"),
        ("AddPermission", "POST", "/2015-03-31/functions/{FunctionName}/policy"),
        ("CheckpointDurableExecution", "POST", "/2025-12-01/durable-executions/{DurableExecutionArn}/checkpoint"),
        ("CreateCapacityProvider", "POST", "/2025-11-30/capacity-providers"),
        ("CreateCodeSigningConfig", "POST", "/2020-04-22/code-signing-configs"),
        ("CreateEventSourceMapping", "POST", "/2015-03-31/event-source-mappings"),
        ("CreateFunctionUrlConfig", "POST", "/2021-10-31/functions/{FunctionName}/url"),
        ("DeleteCapacityProvider", "DELETE", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
        ("DeleteCodeSigningConfig", "DELETE", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
        ("DeleteEventSourceMapping", "DELETE", "/2015-03-31/event-source-mappings/{UUID}"),
        ("DeleteFunctionCodeSigningConfig", "DELETE", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
        ("DeleteFunctionUrlConfig", "DELETE", "/2021-10-31/functions/{FunctionName}/url"),
        ("DeleteLayerVersion", "DELETE", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"),
        ("DeleteProvisionedConcurrencyConfig", "DELETE", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
        ("GetCapacityProvider", "GET", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
        ("GetCodeSigningConfig", "GET", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
        ("GetDurableExecution", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}"),
        ("GetDurableExecutionHistory", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}/history"),
        ("GetDurableExecutionState", "GET", "/2025-12-01/durable-executions/{DurableExecutionArn}/state"),
        ("GetEventSourceMapping", "GET", "/2015-03-31/event-source-mappings/{UUID}"),
        ("GetFunctionCodeSigningConfig", "GET", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
        ("GetFunctionRecursionConfig", "GET", "/2024-08-31/functions/{FunctionName}/recursion-config"),
        ("GetFunctionScalingConfig", "GET", "/2025-11-30/functions/{FunctionName}/function-scaling-config"),
        ("GetFunctionUrlConfig", "GET", "/2021-10-31/functions/{FunctionName}/url"),
        ("GetLayerVersion", "GET", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}"),
        ("GetLayerVersionByArn", "GET", "/2018-10-31/layers"),
        ("GetLayerVersionPolicy", "GET", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy"),
        ("GetPolicy", "GET", "/2015-03-31/functions/{FunctionName}/policy"),
        ("GetProvisionedConcurrencyConfig", "GET", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
        ("GetRuntimeManagementConfig", "GET", "/2021-07-20/functions/{FunctionName}/runtime-management-config"),
        ("InvokeAsync", "POST", "/2014-11-13/functions/{FunctionName}/invoke-async"),
        ("InvokeWithResponseStream", "POST", "/2021-11-15/functions/{FunctionName}/response-streaming-invocations"),
        ("ListCapacityProviders", "GET", "/2025-11-30/capacity-providers"),
        ("ListCodeSigningConfigs", "GET", "/2020-04-22/code-signing-configs"),
        ("ListDurableExecutionsByFunction", "GET", "/2025-12-01/functions/{FunctionName}/durable-executions"),
        ("ListEventSourceMappings", "GET", "/2015-03-31/event-source-mappings"),
        ("ListFunctionUrlConfigs", "GET", "/2021-10-31/functions/{FunctionName}/urls"),
        ("ListFunctionVersionsByCapacityProvider", "GET", "/2025-11-30/capacity-providers/{CapacityProviderName}/function-versions"),
        ("ListFunctionsByCodeSigningConfig", "GET", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}/functions"),
        ("ListLayerVersions", "GET", "/2018-10-31/layers/{LayerName}/versions"),
        ("PublishLayerVersion", "POST", "/2018-10-31/layers/{LayerName}/versions"),
        ("PutFunctionCodeSigningConfig", "PUT", "/2020-06-30/functions/{FunctionName}/code-signing-config"),
        ("PutFunctionRecursionConfig", "PUT", "/2024-08-31/functions/{FunctionName}/recursion-config"),
        ("PutFunctionScalingConfig", "PUT", "/2025-11-30/functions/{FunctionName}/function-scaling-config"),
        ("PutProvisionedConcurrencyConfig", "PUT", "/2019-09-30/functions/{FunctionName}/provisioned-concurrency"),
        ("PutRuntimeManagementConfig", "PUT", "/2021-07-20/functions/{FunctionName}/runtime-management-config"),
        ("RemoveLayerVersionPermission", "DELETE", "/2018-10-31/layers/{LayerName}/versions/{VersionNumber}/policy/{StatementId}"),
        ("RemovePermission", "DELETE", "/2015-03-31/functions/{FunctionName}/policy/{StatementId}"),
        ("SendDurableExecutionCallbackFailure", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/fail"),
        ("SendDurableExecutionCallbackHeartbeat", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/heartbeat"),
        ("SendDurableExecutionCallbackSuccess", "POST", "/2025-12-01/durable-execution-callbacks/{CallbackId}/succeed"),
        ("StopDurableExecution", "POST", "/2025-12-01/durable-executions/{DurableExecutionArn}/stop"),
        ("UpdateCapacityProvider", "PUT", "/2025-11-30/capacity-providers/{CapacityProviderName}"),
        ("UpdateCodeSigningConfig", "PUT", "/2020-04-22/code-signing-configs/{CodeSigningConfigArn}"),
        ("UpdateEventSourceMapping", "PUT", "/2015-03-31/event-source-mappings/{UUID}"),
        ("UpdateFunctionUrlConfig", "PUT", "/2021-10-31/functions/{FunctionName}/url"),
    ];

    /// <summary>The API versions in those URIs: the host routes every one of them to Lambda.</summary>
    public static IEnumerable<string> PathPrefixes => All.Select(o => "/" + o.Uri.Split('/')[1] + "/").Distinct(StringComparer.Ordinal);
}
