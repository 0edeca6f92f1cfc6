namespace LocalCloud.Lambda.Functions;

internal enum RuntimeKind
{
    /// <summary>dotnet6/dotnet8/dotnet10: our DotnetRuntime loads the class library named by the handler.</summary>
    Dotnet,

    /// <summary>provided/provided.al2/provided.al2023: the zip's own executable "bootstrap".</summary>
    Provided,

    /// <summary>nodejsNN.x: the machine's node runs LocalCloud's Node.js runtime client (Runtimes/Node).</summary>
    Node,

    /// <summary>python3.N: the machine's python3 runs LocalCloud's Python runtime client (Runtimes/Python).</summary>
    Python,
}
