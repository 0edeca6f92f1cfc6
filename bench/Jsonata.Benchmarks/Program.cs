using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Jsonata.Benchmarks.EvaluateBenchmarks).Assembly).Run(args);
