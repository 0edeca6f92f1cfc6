using BenchmarkDotNet.Running;
using LocalCloud.Benchmarks.Engine;

// dotnet run -c Release --project bench/LocalCloud.Benchmarks -- --filter '*' --job short    (BenchmarkDotNet)
// dotnet run -c Release --project bench/LocalCloud.Benchmarks -- engine [options]            (engine latency, throughput)
if (args is ["engine", .. var rest])
{
    return await EngineBench.RunAsync(rest);
}

BenchmarkSwitcher.FromAssembly(typeof(LocalCloud.Benchmarks.JsonPathBenchmarks).Assembly).Run(args);
return 0;
