using System.Reflection;
using System.Runtime.Loader;

namespace LocalCloud.Lambda.DotnetRuntime;

/// <summary>
/// Loads the function's assemblies from its task root, apart from this host's own: dependencies resolve through
/// the function's .deps.json when it has one, else by probing the folder. Framework assemblies come from the
/// shared runtime, as on AWS.
/// </summary>
internal sealed class FunctionLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> PlatformAssemblies = ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
        .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(Path.GetFileNameWithoutExtension)
        .OfType<string>()
        .ToHashSet(StringComparer.OrdinalIgnoreCase);

    private readonly string _taskRoot;
    private readonly AssemblyDependencyResolver? _resolver;

    public FunctionLoadContext(string taskRoot, string mainAssemblyPath)
        : base("LambdaFunction")
    {
        _taskRoot = taskRoot;
        var depsJson = Path.ChangeExtension(mainAssemblyPath, ".deps.json");
        _resolver = File.Exists(depsJson) ? new AssemblyDependencyResolver(mainAssemblyPath) : null;
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is null || PlatformAssemblies.Contains(assemblyName.Name))
        {
            return null;
        }
        var path = _resolver?.ResolveAssemblyToPath(assemblyName);
        if (path is null)
        {
            var probe = Path.Combine(_taskRoot, assemblyName.Name + ".dll");
            path = File.Exists(probe) ? probe : null;
        }
        return path is null ? null : LoadFromAssemblyPath(path);
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName)
    {
        var path = _resolver?.ResolveUnmanagedDllToPath(unmanagedDllName);
        return path is null ? IntPtr.Zero : LoadUnmanagedDllFromPath(path);
    }
}
