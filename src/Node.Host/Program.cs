using Node.Host.Cli;

return new AinodeRootCommand().Run(args);
