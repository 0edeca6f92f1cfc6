using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The function's handler method, bound once at init from "Assembly::Namespace.Type::Method" with the rules of AWS's
/// managed .NET runtime (Amazon.Lambda.RuntimeSupport's UserCodeLoader, UserCodeValidator and InvokeDelegateBuilder;
/// https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html): none, one or two parameters, the second an
/// ILambdaContext; void, T, Task or Task&lt;T&gt;; Stream in and out as is; anything else through the serializer named by
/// [LambdaSerializer] on the method or the assembly. Amazon.Lambda.Core is the function's own copy, bound by type names.
/// LocalCloud also takes a string without a serializer (the raw payload), and a CancellationToken anywhere in the
/// parameters that fires shortly before the deadline. Error messages are RuntimeSupport's.
/// </summary>
internal sealed class HandlerInvoker
{
    private readonly MethodInfo _method;
    private readonly object? _target;
    private readonly Func<byte[], object?>? _input;
    private readonly int _inputIndex;
    private readonly Type? _contextType;
    private readonly int _contextIndex;
    private readonly int _tokenIndex;
    private readonly Func<object?, Task<byte[]>> _output;
    private readonly Type? _resultType;
    private readonly bool _returnsTask;

    private HandlerInvoker(MethodInfo method, object? target, Binding binding)
    {
        _method = method;
        _target = target;
        _input = binding.Input;
        _inputIndex = binding.InputIndex;
        _contextType = binding.ContextType;
        _contextIndex = binding.ContextIndex;
        _tokenIndex = binding.TokenIndex;
        _output = binding.Output;
        _resultType = binding.ResultType;
        _returnsTask = typeof(Task).IsAssignableFrom(method.ReturnType);
    }

    public static HandlerInvoker Load(string? handler, string taskRoot)
    {
        var (assemblyName, typeName, methodName) = Parse(handler);
        var assemblyPath = Path.Combine(taskRoot, assemblyName + ".dll");
        if (!File.Exists(assemblyPath))
        {
            throw new InitializationException($"Could not find the specified handler assembly with the file name '{assemblyName}'. The assembly should be located in the root of your uploaded .zip file.");
        }
        var context = new FunctionLoadContext(taskRoot, assemblyPath);
        Assembly assembly;
        try
        {
            assembly = context.LoadFromAssemblyPath(assemblyPath);
        }
        catch (BadImageFormatException e)
        {
            throw new InitializationException($"Unable to load assembly '{assemblyName}'.", e);
        }
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new InitializationException($"Unable to load type '{typeName}' from assembly '{assemblyName}'.");
        // RuntimeSupport's flags (Constants.DefaultFlags): declared on the type itself, any visibility.
        var candidates = type.GetMethods(BindingFlags.DeclaredOnly | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InitializationException($"Unable to find method '{methodName}' in type '{typeName}' from assembly '{assemblyName}': Found no methods matching method name '{methodName}'.");
        }
        if (candidates.Count > 1)
        {
            throw new InitializationException($"The method '{methodName}' in type '{typeName}' appears to have a number of overloads. To call this method please specify a complete method signature. Possible candidates are:\n{string.Join("\n", candidates)}.");
        }
        var method = candidates[0];
        ValidateType(type, method);
        ValidateMethod(method);
        var serializer = FunctionSerializer.Find(method, assembly);
        var binding = Bind(method, typeName, assemblyName, serializer);

        // The instance is created once per worker and reused, as AWS does (init runs once per execution environment).
        object? target = null;
        try
        {
            target = method.IsStatic ? null : Activator.CreateInstance(type);
        }
        catch (TargetInvocationException e)
        {
            throw new ConstructorException($"An exception was thrown when the constructor for type '{typeName}' was invoked. Check inner exception for more details.", e);
        }
        catch (MissingMethodException e)
        {
            throw new InitializationException($"Unable to create an instance of type '{typeName}': {e.Message}", e);
        }
        return new HandlerInvoker(method, target, binding);
    }

    public async Task<byte[]> InvokeAsync(byte[] payload, InvocationInfo invocation, LambdaLog log, CancellationToken deadline)
    {
        var args = new object?[_method.GetParameters().Length];
        if (_inputIndex >= 0)
        {
            args[_inputIndex] = _input!(payload);
        }
        if (_contextIndex >= 0)
        {
            args[_contextIndex] = LambdaContextProxy.Create(_contextType!, invocation, log);
        }
        if (_tokenIndex >= 0)
        {
            args[_tokenIndex] = deadline;
        }
        var result = _method.Invoke(_target, args);
        if (_returnsTask)
        {
            var task = (Task)result!;
            await task.ConfigureAwait(false);
            result = _resultType is null ? null : task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task);
        }
        return await _output(result).ConfigureAwait(false);
    }

    private static (string Assembly, string Type, string Method) Parse(string? handler)
    {
        if (string.IsNullOrWhiteSpace(handler))
        {
            throw new InitializationException("Empty lambda function handler. The valid format is 'ASSEMBLY::TYPE::METHOD'.");
        }
        var parts = handler.Split("::");
        if (parts.Length != 3)
        {
            throw new InitializationException($"Invalid lambda function handler: '{handler}'. The valid format is 'ASSEMBLY::TYPE::METHOD'.");
        }
        var missing = Array.FindIndex(parts, string.IsNullOrWhiteSpace);
        if (missing >= 0)
        {
            var what = missing switch { 0 => "assembly", 1 => "type", _ => "method" };
            throw new InitializationException($"Invalid lambda function handler: '{handler}', the {what} is missing. The valid format is 'ASSEMBLY::TYPE::METHOD'.");
        }
        return (parts[0], parts[1], parts[2]);
    }

    private static void ValidateType(Type type, MethodInfo method)
    {
        if (type.IsGenericType)
        {
            throw new InitializationException($"The type '{type.FullName}' cannot be used as a Lambda Handler type because it is generic. Handler methods cannot be located in generic types. Please specify a handler method in a non-generic type.");
        }
        if (!method.IsStatic && type.IsAbstract)
        {
            throw new InitializationException($"The instance method '{method}' cannot be used as a Lambda Handler because its type '{type.FullName}' is abstract. Please either use a static handler or specify a type that is not abstract.");
        }
    }

    private static void ValidateMethod(MethodInfo method)
    {
        if (method.IsAbstract)
        {
            throw new InitializationException($"The method '{method}' cannot be used as a Lambda Handler because it is an abstract method. Handler methods cannot be abstract. Please specify a non-abstract handler method.");
        }
        if (method.IsGenericMethod)
        {
            throw new InitializationException($"The method '{method}' cannot be used as a Lambda Handler because it is a generic method. Handler methods cannot be generic. Please specify a non-generic handler method.");
        }
        if (method.ReturnType == typeof(void) && method.GetCustomAttribute<AsyncStateMachineAttribute>() is not null)
        {
            throw new InitializationException($"The method '{method}' cannot be used as a Lambda Handler because it is an 'async void' method. Handler methods cannot be 'async void'. Please specify a method that is not 'async void'.");
        }
        if (method.GetParameters() is [.., var last] && last.GetCustomAttribute<ParamArrayAttribute>() is not null)
        {
            throw new InitializationException($"The method '{method}' cannot be used as a Lambda Handler because it is a 'params' method. Please specify a method that does not use 'params'.");
        }
    }

    private static Binding Bind(MethodInfo method, string typeName, string assemblyName, FunctionSerializer? serializer)
    {
        var parameters = method.GetParameters();
        var tokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        var lambdaParameters = parameters.Where(p => p.ParameterType != typeof(CancellationToken)).ToList();
        if (lambdaParameters.Count > 2)
        {
            throw new InitializationException($"Method '{method.Name}' of type '{typeName}' is not supported: the method has more than 2 parameters.");
        }
        ParameterInfo? input = null;
        ParameterInfo? context = null;
        if (lambdaParameters.Count == 2)
        {
            if (!LambdaCoreNames.IsContext(lambdaParameters[1].ParameterType))
            {
                throw new InitializationException($"Method '{method.Name}' of type '{typeName}' is not supported: the method has 2 parameters, but the second parameter is not of type '{LambdaCoreNames.Context}'.");
            }
            (input, context) = (lambdaParameters[0], lambdaParameters[1]);
        }
        else if (lambdaParameters.Count == 1)
        {
            if (LambdaCoreNames.IsContext(lambdaParameters[0].ParameterType))
            {
                context = lambdaParameters[0];
            }
            else
            {
                input = lambdaParameters[0];
            }
        }

        Func<byte[], object?>? read = null;
        if (input is not null)
        {
            var type = input.ParameterType;
            read = type == typeof(Stream) ? payload => new MemoryStream(payload, writable: false)
                : serializer is not null ? serializer.Deserializer(type)
                : type == typeof(string) ? payload => Encoding.UTF8.GetString(payload)
                : throw new InitializationException($"Could not find the LambdaSerializerAttribute on the assembly '{assemblyName}' or method '{method.Name}' while attempting to deserialize input data of type '{type.FullName}'. To use types other than System.IO.Stream as input/output parameters, the assembly or Lambda function should be annotated with {LambdaCoreNames.SerializerAttribute}.");
        }

        var returns = method.ReturnType;
        var resultType = returns == typeof(void) || returns == typeof(Task) ? null
            : TaskResultType(returns) is { } taskResult ? taskResult
            : typeof(Task).IsAssignableFrom(returns) ? null
            : returns;
        Func<object?, Task<byte[]>> write = resultType is null ? _ => Task.FromResult<byte[]>([])
            : typeof(Stream).IsAssignableFrom(resultType) ? result => ReadAllAsync(result as Stream)
            : serializer is not null ? serializer.Serializer(resultType)
            : resultType == typeof(string) ? result => Task.FromResult(result is string s ? Encoding.UTF8.GetBytes(s) : [])
            : throw new InitializationException($"Could not find the LambdaSerializerAttribute on the assembly '{assemblyName}' or method '{method.Name}' while attempting to serialize output data of type '{resultType.FullName}'. To use types other than System.IO.Stream as input/output parameters, the assembly or Lambda function should be annotated with {LambdaCoreNames.SerializerAttribute}.");

        return new Binding(read, input?.Position ?? -1, context?.ParameterType, context?.Position ?? -1, tokenIndex, write, resultType);
    }

    private static Type? TaskResultType(Type? type)
    {
        for (; type is not null; type = type.BaseType)
        {
            if (type.IsConstructedGenericType && type.GetGenericTypeDefinition() == typeof(Task<>))
            {
                return type.GenericTypeArguments[0];
            }
        }
        return null;
    }

    private static async Task<byte[]> ReadAllAsync(Stream? stream)
    {
        if (stream is null)
        {
            return [];
        }
        await using (stream.ConfigureAwait(false))
        {
            if (stream is MemoryStream memory)
            {
                return memory.ToArray();
            }
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }

    private sealed record Binding(Func<byte[], object?>? Input, int InputIndex, Type? ContextType, int ContextIndex, int TokenIndex, Func<object?, Task<byte[]>> Output, Type? ResultType);
}
