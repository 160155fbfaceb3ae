Console.Error.WriteLine("ainode: the node service and its commands are not built yet.");
return 1;
