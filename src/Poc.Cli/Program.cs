Console.Error.WriteLine("poc: nothing is built yet.");
return 1;
