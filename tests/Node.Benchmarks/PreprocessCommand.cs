using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Node.Inference.Imaging;
using Node.Inference.Packs;
using Node.Inference.Preprocessing;
using Node.Inference.Runtime;

namespace Node.Benchmarks;

/// <summary>
/// The node's preprocessing alone, on one thread: decoding, window, measures, resize and
/// normalization of every instance of the phantom corpus, pass after pass, with no model run.
/// It uses the inference benchmark's corpus and pack by default, so it shows what preprocessing
/// adds to each image of that benchmark.
/// </summary>
internal static class PreprocessCommand
{
    private const int DefaultPasses = 60;
    private const int WarmUpPasses = 20;

    public static Command Create()
    {
        var command = new Command("preprocess", "Milliseconds per image of the node's preprocessing alone, on one thread, on a phantom CT corpus.");
        var studies = new Option<int>("--studies") { Description = "Number of phantom CT studies of three slices each.", DefaultValueFactory = _ => InferenceCommand.DefaultStudies };
        var passes = new Option<int>("--passes") { Description = "Timed passes over the corpus; the median is reported.", DefaultValueFactory = _ => DefaultPasses };
        var seed = new Option<int>("--seed") { Description = "Seed of the phantom generator.", DefaultValueFactory = _ => InferenceCommand.DefaultSeed };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder the corpus is written to; its contents are replaced.", DefaultValueFactory = _ => new DirectoryInfo(InferenceCommand.DefaultCorpus) };
        var pack = new Option<DirectoryInfo>("--pack") { Description = "Model pack folder; only its manifest is used.", DefaultValueFactory = _ => new DirectoryInfo(InferenceCommand.DefaultPack) };
        command.Options.Add(studies);
        command.Options.Add(passes);
        command.Options.Add(seed);
        command.Options.Add(corpus);
        command.Options.Add(pack);
        command.SetAction(result => Run(result.GetValue(pack)!, result.GetValue(corpus)!, result.GetValue(studies), result.GetValue(passes), result.GetValue(seed)));
        return command;
    }

    private static int Run(DirectoryInfo packFolder, DirectoryInfo corpus, int studies, int passes, int seed)
    {
        if (studies < 1 || passes < 1)
        {
            Console.Error.WriteLine($"Invalid --studies {studies} or --passes {passes}: each must be at least 1.");
            return 2;
        }

        var instances = PhantomCtCorpus.WriteAndRead(corpus, studies, seed).Select(StudyInstance.FromDataset).ToList();
        using var pack = new ModelPackLoader(new InferenceOptions { UseCuda = false }).Load(packFolder.FullName);
        var preprocessor = new ImagePreprocessor(pack.Manifest, new DicomPixelDataDecoder());
        var tensor = new float[pack.Manifest.Preprocessing.InputRows * pack.Manifest.Preprocessing.InputColumns];

        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            PreprocessAll(preprocessor, instances, tensor);
        }

        var times = Enumerable.Range(0, passes).Select(_ => TimedPass.Measure(() => PreprocessAll(preprocessor, instances, tensor))).ToList();
        var wall = Median.Of([.. times.Select(pass => pass.Wall)]).TotalMilliseconds / instances.Count;
        var processor = Median.Of([.. times.Select(pass => pass.Processor)]).TotalMilliseconds / instances.Count;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{instances.Count} instances, {passes} passes after {WarmUpPasses} untimed: {wall:F3} ms per image (wall), {processor:F3} ms per image (processor, every thread)"));
        return 0;
    }

    /// <summary>Prepares every instance's single frame into the same tensor array, as the node's CPU path reuses its arrays.</summary>
    private static TimeSpan PreprocessAll(ImagePreprocessor preprocessor, IReadOnlyList<StudyInstance> instances, float[] tensor)
    {
        var stopwatch = Stopwatch.StartNew();
        foreach (var instance in instances)
        {
            if (preprocessor.Open(instance, out var frameCount) is null)
            {
                _ = preprocessor.PrepareFrame(instance, 0, frameCount, tensor);
            }
        }

        return stopwatch.Elapsed;
    }
}
