using System.CommandLine;
using Node.Benchmarks;

var root = new RootCommand("Benchmarks of the AI Node DICOM library against its peers.")
{
    ParseCommand.Create(),
    InferenceCommand.Create(),
    PreprocessCommand.Create(),
};
return root.Parse(args).Invoke();
