using LocalCloud.Core;
using LocalCloud.Lambda;
using LocalCloud.Lambda.Api;
using LocalCloud.Lambda.Api.Shapes;
using LocalCloud.Lambda.Functions;

namespace LocalCloud.Lambda.Api.Operations;

/// <summary>POST /2015-03-31/functions (https://docs.aws.amazon.com/lambda/latest/api/API_CreateFunction.html).</summary>
internal sealed class CreateFunction(LambdaBackend state)
{
    public Task<ServiceResponse> HandleAsync(ServiceRequest request, IReadOnlyDictionary<string, string> path, CancellationToken cancellationToken)
    {
        var input = LambdaJson.Read<CreateFunctionRequest>(request);
        FunctionValidation.FunctionName(input.FunctionName);
        var name = input.FunctionName!;
        if (input.PackageType is "Image")
        {
            throw LambdaErrors.InvalidParameter("LocalCloud runs .zip packages only; PackageType Image is not supported.");
        }
        FunctionValidation.Role(input.Role);
        var kind = FunctionValidation.Runtime(input.Runtime);
        FunctionValidation.Handler(input.Handler, kind);
        var timeout = input.Timeout ?? 3;
        var memory = input.MemorySize ?? 128;
        FunctionValidation.Timeout(timeout);
        FunctionValidation.MemorySize(memory);
        FunctionValidation.Description(input.Description);
        var architectures = FunctionValidation.Architectures(input.Architectures);
        var variables = FunctionValidation.Variables(input.Environment?.Variables);
        var zip = ZipFileOf(input.Code);

        var context = request.Context;
        if (state.Store.Find(context.AccountId, context.Region, name) is not null)
        {
            throw LambdaErrors.FunctionExists(name);
        }
        var code = CodePackage.Save(zip, state.FunctionDirectory(context.AccountId, context.Region, name));
        var record = new FunctionRecord
        {
            AccountId = context.AccountId,
            Region = context.Region,
            FunctionName = name,
            Runtime = input.Runtime!,
            Role = input.Role!,
            Handler = input.Handler,
            Description = input.Description,
            Timeout = timeout,
            MemorySize = memory,
            Variables = variables,
            Architectures = architectures,
            Tags = TagValidation.Tags(input.Tags) ?? new Dictionary<string, string>(),
            LastModified = state.Time.GetUtcNow(),
            RevisionId = Guid.NewGuid().ToString(),
            Code = code,
            // AWS answers Pending and finishes creating in the background; clients wait for Active
            // (aws lambda wait function-active-v2 polls GetFunction).
            State = FunctionStates.Pending,
            StateReason = FunctionStates.CreatingReason,
            StateReasonCode = FunctionStates.CreatingReasonCode,
            LastUpdateStatus = FunctionStates.InProgress,
            LastUpdateStatusReason = FunctionStates.CreatingReason,
            LastUpdateStatusReasonCode = FunctionStates.CreatingReasonCode,
        };
        if (input.Publish != true)
        {
            if (!state.Store.TryAdd(record))
            {
                CodePackage.Delete(code);
                throw LambdaErrors.FunctionExists(name);
            }
            state.Lifecycle.Activate(record);
            return Task.FromResult(LambdaJson.Write(201, ConfigurationMapper.ToConfiguration(record)));
        }
        FunctionRecord published;
        lock (state.PublishLock)
        {
            if (!state.Store.TryAdd(record))
            {
                CodePackage.Delete(code);
                throw LambdaErrors.FunctionExists(name);
            }
            published = VersionPublisher.Publish(state, record, null);
        }
        state.Lifecycle.Activate(record);
        // AWS answers version 1's configuration with the unqualified ARN (LocalStack's provider, whose create_function mirrors
        // its AWS-validated snapshots: map_config_out(version, return_qualified_arn=False)).
        return Task.FromResult(LambdaJson.Write(201, ConfigurationMapper.ToConfiguration(published, published.FunctionArn)));
    }

    public static byte[] ZipFileOf(FunctionCodeInput? code)
    {
        if (code is null)
        {
            throw LambdaErrors.InvalidParameter("Code is required: LocalCloud accepts Code.ZipFile (a base64 .zip).");
        }
        return ZipOrThrow(code.ZipFile, code.S3Bucket ?? code.S3Key ?? code.ImageUri);
    }

    public static byte[] ZipOrThrow(byte[]? zipFile, string? otherSource)
    {
        if (zipFile is { Length: > 0 })
        {
            return zipFile;
        }
        throw otherSource is not null
            ? LambdaErrors.InvalidParameter("LocalCloud accepts code as ZipFile only; S3Bucket/S3Key and ImageUri are not supported.")
            : LambdaErrors.InvalidParameter("Please provide a source for function code: ZipFile.");
    }
}
