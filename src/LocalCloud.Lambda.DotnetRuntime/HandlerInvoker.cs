using System.Reflection;
using System.Text;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The function's handler method, bound once at init from "Assembly::Namespace.Type::Method"
/// (https://docs.aws.amazon.com/lambda/latest/dg/csharp-handler.html). Without Amazon.Lambda.Core and a
/// serializer, AWS's runtime accepts Stream in and out; LocalCloud also takes string, no input, void/Task
/// results, and a CancellationToken that fires at the invocation's deadline.
/// </summary>
internal sealed class HandlerInvoker
{
    private readonly MethodInfo _method;
    private readonly object? _target;
    private readonly Type? _input;
    private readonly int _inputIndex;
    private readonly int _tokenIndex;
    private readonly Type _output;

    private HandlerInvoker(MethodInfo method, object? target)
    {
        _method = method;
        _target = target;
        var parameters = method.GetParameters();
        _inputIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(Stream) || p.ParameterType == typeof(string));
        _tokenIndex = Array.FindIndex(parameters, p => p.ParameterType == typeof(CancellationToken));
        _input = _inputIndex < 0 ? null : parameters[_inputIndex].ParameterType;
        var returns = method.ReturnType;
        _output = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : returns;
    }

    public static HandlerInvoker Load(string? handler, string taskRoot)
    {
        var parts = (handler ?? string.Empty).Split("::");
        if (parts.Length != 3 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new InitializationException($"Invalid handler '{handler}': expected 'Assembly::Namespace.Type::Method'.");
        }
        var (assemblyName, typeName, methodName) = (parts[0], parts[1], parts[2]);
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
            throw new InitializationException($"Unable to load assembly '{assemblyName}': {e.Message}", e);
        }
        var type = assembly.GetType(typeName, throwOnError: false)
            ?? throw new InitializationException($"Unable to load type '{typeName}' from assembly '{assemblyName}'.");
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            .Where(m => m.Name == methodName)
            .ToList();
        if (candidates.Count == 0)
        {
            throw new InitializationException($"Unable to find method '{methodName}' in type '{typeName}' from assembly '{assemblyName}': Found no methods matching method name '{methodName}'.");
        }
        var supported = candidates.Where(IsSupported).ToList();
        if (supported.Count != 1)
        {
            throw new InitializationException(supported.Count == 0
                ? $"Method '{typeName}.{methodName}' has no supported signature. Without a serializer LocalCloud's runtime takes (Stream|string [, CancellationToken]) or no input, and returns Stream, string, void, Task, Task<Stream> or Task<string>."
                : $"The method '{methodName}' in type '{typeName}' is overloaded; the handler must name exactly one method.");
        }
        var method = supported[0];
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
        return new HandlerInvoker(method, target);
    }

    public async Task<byte[]> InvokeAsync(byte[] payload, CancellationToken deadline)
    {
        var args = new object?[_method.GetParameters().Length];
        if (_inputIndex >= 0)
        {
            args[_inputIndex] = _input == typeof(Stream) ? new MemoryStream(payload, writable: false) : Encoding.UTF8.GetString(payload);
        }
        if (_tokenIndex >= 0)
        {
            args[_tokenIndex] = deadline;
        }
        var result = _method.Invoke(_target, args);
        if (result is Task task)
        {
            await task.ConfigureAwait(false);
            result = _output == typeof(Task) ? null : task.GetType().GetProperty(nameof(Task<int>.Result))!.GetValue(task);
        }
        return result switch
        {
            null => [],
            string text => Encoding.UTF8.GetBytes(text),
            MemoryStream memory => memory.ToArray(),
            Stream stream => await ReadAllAsync(stream).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"The handler returned {result.GetType()}, which needs a serializer."),
        };
    }

    private static bool IsSupported(MethodInfo method)
    {
        var parameters = method.GetParameters().Select(p => p.ParameterType).ToList();
        var inputs = parameters.Count(t => t == typeof(Stream) || t == typeof(string));
        var tokens = parameters.Count(t => t == typeof(CancellationToken));
        if (method.IsGenericMethodDefinition || inputs > 1 || tokens > 1 || inputs + tokens != parameters.Count)
        {
            return false;
        }
        var returns = method.ReturnType;
        var output = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : returns;
        return output == typeof(void) || output == typeof(Task) || output == typeof(string) || typeof(Stream).IsAssignableFrom(output);
    }

    private static async Task<byte[]> ReadAllAsync(Stream stream)
    {
        await using (stream.ConfigureAwait(false))
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            return buffer.ToArray();
        }
    }
}
