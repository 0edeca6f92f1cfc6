using System.Reflection;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// The function's ILambdaSerializer, named by [LambdaSerializer(typeof(...))] on the handler method or else on its
/// assembly, created once at init and called by reflection: Deserialize&lt;T&gt;(Stream) and Serialize&lt;T&gt;(T, Stream).
/// Messages are RuntimeSupport's.
/// </summary>
internal sealed class FunctionSerializer
{
    private readonly object _instance;
    private readonly MethodInfo _deserialize;
    private readonly MethodInfo _serialize;

    private FunctionSerializer(object instance, MethodInfo deserialize, MethodInfo serialize)
    {
        _instance = instance;
        _deserialize = deserialize;
        _serialize = serialize;
    }

    public static FunctionSerializer? Find(MethodInfo method, Assembly assembly)
    {
        var attribute = method.GetCustomAttributesData().FirstOrDefault(IsSerializerAttribute)
            ?? assembly.GetCustomAttributesData().FirstOrDefault(IsSerializerAttribute);
        if (attribute is null)
        {
            return null;
        }
        var attributeName = attribute.AttributeType.FullName;
        var serializerType = attribute.ConstructorArguments.Select(a => a.Value).OfType<Type>().FirstOrDefault()
            ?? attribute.NamedArguments.Where(a => a.MemberName == "SerializerType").Select(a => a.TypedValue.Value).OfType<Type>().FirstOrDefault()
            ?? throw new InitializationException($"The 'SerializerType' property on attribute class '{attributeName}' is not set.");
        var contract = serializerType.GetInterfaces().FirstOrDefault(i => i.FullName == LambdaCoreNames.Serializer)
            ?? throw new InitializationException($"The '{serializerType.FullName}' class is invalid: it does not implement the 'ILambdaSerializer' interface.");
        if (serializerType.GetConstructor(Type.EmptyTypes) is null)
        {
            throw new InitializationException($"The indicated serializer '{serializerType.FullName}' does not define a public zero-parameter constructor.");
        }
        var deserialize = contract.GetMethod("Deserialize");
        var serialize = contract.GetMethod("Serialize");
        if (deserialize is not { IsGenericMethodDefinition: true } || serialize is not { IsGenericMethodDefinition: true })
        {
            throw new InitializationException($"The type '{contract.FullName}' does not match the expected shape of '{LambdaCoreNames.Serializer}': 'Deserialize<T>(Stream) and Serialize<T>(T, Stream) expected'.");
        }
        object instance;
        try
        {
            instance = Activator.CreateInstance(serializerType)!;
        }
        catch (TargetInvocationException e)
        {
            throw new ConstructorException($"An exception was thrown when the constructor for type '{serializerType.FullName}' was invoked. Check inner exception for more details.", e);
        }
        return new FunctionSerializer(instance, deserialize, serialize);
    }

    public Func<byte[], object?> Deserializer(Type type)
    {
        var method = _deserialize.MakeGenericMethod(type);
        return payload =>
        {
            using var stream = new MemoryStream(payload, writable: false);
            return method.Invoke(_instance, [stream]);
        };
    }

    public Func<object?, Task<byte[]>> Serializer(Type type)
    {
        var method = _serialize.MakeGenericMethod(type);
        return result =>
        {
            using var stream = new MemoryStream();
            method.Invoke(_instance, [result, stream]);
            return Task.FromResult(stream.ToArray());
        };
    }

    private static bool IsSerializerAttribute(CustomAttributeData attribute) => attribute.AttributeType.FullName == LambdaCoreNames.SerializerAttribute;
}
