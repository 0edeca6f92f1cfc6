using System.Text.Json;

namespace Aws.Clients.Scheduler;

/// <summary>What a schedule invokes.</summary>
public sealed record Target
{
    /// <summary>Target ARN, e.g. a Lambda function or a templated target like arn:aws:scheduler:::aws-sdk:sfn:startExecution.</summary>
    public required string Arn { get; init; }

    /// <summary>Role the scheduler assumes to invoke the target.</summary>
    public required string RoleArn { get; init; }

    /// <summary>Text (usually JSON) passed to the target.</summary>
    public string? Input { get; init; }

    /// <summary>Retry settings.</summary>
    public RetryPolicy? RetryPolicy { get; init; }

    /// <summary>Dead-letter queue.</summary>
    public DeadLetterConfig? DeadLetterConfig { get; init; }

    /// <summary>EcsParameters object, for ECS targets.</summary>
    public JsonElement? EcsParameters { get; init; }

    /// <summary>EventBridgeParameters object, for PutEvents targets.</summary>
    public JsonElement? EventBridgeParameters { get; init; }

    /// <summary>KinesisParameters object, for Kinesis targets.</summary>
    public JsonElement? KinesisParameters { get; init; }

    /// <summary>SageMakerPipelineParameters object.</summary>
    public JsonElement? SageMakerPipelineParameters { get; init; }

    /// <summary>SqsParameters object, for FIFO queues.</summary>
    public JsonElement? SqsParameters { get; init; }
}
