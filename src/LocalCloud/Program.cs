Console.Error.WriteLine("LocalCloud: not built yet.");
return 1;
