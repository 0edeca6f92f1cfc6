using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/LocalCloud.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(LocalCloud.Benchmarks.JsonPathBenchmarks).Assembly).Run(args);
