using System.CommandLine;
using System.Globalization;
using Node.Inference.Packs;
using Node.Inference.Runtime;

namespace Node.Benchmarks;

/// <summary>
/// The <c>inference</c> command: writes a phantom CT corpus, then times the node's path
/// (decode, preprocess, ONNX Runtime through <see cref="StudyAnalyzer"/>) against raw
/// ONNX Runtime runs on the same prepared tensors, on the CPU provider at the same batch size.
/// Both sides run first in blocks (all runs of one, then the other), then interleaved, then in
/// paired rounds (node, raw, raw, node), so drift from other load on the machine shows as a gap
/// between the orders. The paired rounds give the figure least moved by that drift: each round's
/// own ratio, median over the rounds. The processor
/// time columns count every thread of the process during a pass, per image.
/// </summary>
internal static class InferenceCommand
{
    internal const int DefaultStudies = 40;
    private const int DefaultRuns = 5;
    internal const int DefaultSeed = 1;
    private const int WarmUpPasses = 3;
    internal const string DefaultCorpus = "artifacts/benchmarks/inference-corpus";
    internal const string DefaultPack = "deploy/models/reference";

    public static Command Create()
    {
        var studies = new Option<int>("--studies") { Description = "Number of phantom CT studies of three slices each.", DefaultValueFactory = _ => DefaultStudies };
        var runs = new Option<int>("--runs") { Description = "Timed runs of each side in each order; medians are reported.", DefaultValueFactory = _ => DefaultRuns };
        var seed = new Option<int>("--seed") { Description = "Seed of the phantom generator.", DefaultValueFactory = _ => DefaultSeed };
        var batch = new Option<int>("--batch-size") { Description = "Images per ONNX Runtime run on both sides.", DefaultValueFactory = _ => InferenceOptions.DefaultBatchSize };
        var parallelism = new Option<int>("--preprocessing-parallelism") { Description = "Images the node preprocesses at once.", DefaultValueFactory = _ => InferenceOptions.DefaultPreprocessingParallelism };
        var corpus = new Option<DirectoryInfo>("--corpus") { Description = "Folder the corpus is written to; its contents are replaced.", DefaultValueFactory = _ => new DirectoryInfo(DefaultCorpus) };
        var pack = new Option<DirectoryInfo>("--pack") { Description = "Model pack folder.", DefaultValueFactory = _ => new DirectoryInfo(DefaultPack) };
        var command = new Command("inference", "Time the node's inference path against raw ONNX Runtime on the CPU.") { studies, runs, seed, batch, parallelism, corpus, pack };
        command.SetAction(result => Run(result.GetValue(pack)!, result.GetValue(corpus)!, result.GetValue(studies), result.GetValue(runs), result.GetValue(seed), result.GetValue(batch), result.GetValue(parallelism)));
        return command;
    }

    private static int Run(DirectoryInfo packFolder, DirectoryInfo corpus, int studies, int runs, int seed, int batchSize, int parallelism)
    {
        var options = new InferenceOptions { UseCuda = false, BatchSize = batchSize, PreprocessingParallelism = parallelism };
        var invalid = options.Validate();
        if (studies < 1 || runs < 1 || invalid.Count > 0)
        {
            Console.Error.WriteLine($"--studies ({studies}) and --runs ({runs}) must be at least 1. {string.Join(" ", invalid)}");
            return 2;
        }

        var instances = PhantomCtCorpus.WriteAndRead(corpus, studies, seed);
        using var pack = new ModelPackLoader(options).Load(packFolder.FullName);
        var effectiveBatch = pack.Manifest.Preprocessing.InputTensor.Shape[0] == 1 ? 1 : batchSize;
        var node = new NodeInferenceRun(pack, options, instances);
        using var raw = new RawOnnxRun(pack, effectiveBatch, instances);
        Console.WriteLine($"corpus: {instances.Count} instances, {raw.ImageCount} prepared, batch size {effectiveBatch}, preprocessing parallelism {options.PreprocessingParallelism}, {Environment.ProcessorCount} processors");

        // Untimed passes load the model's kernels and let the JIT finish: it compiles each hot
        // method again, optimized, in the background after its first calls, which would
        // otherwise land in the first timed block.
        for (var pass = 0; pass < WarmUpPasses; pass++)
        {
            node.Time();
            raw.Time();
        }

        var blockNode = Enumerable.Range(0, runs).Select(_ => TimedPass.Measure(node.Time)).ToList();
        var blockRaw = Enumerable.Range(0, runs).Select(_ => TimedPass.Measure(raw.Time)).ToList();
        var interleavedNode = new List<TimedPass>();
        var interleavedRaw = new List<TimedPass>();
        for (var i = 0; i < runs; i++)
        {
            interleavedNode.Add(TimedPass.Measure(node.Time));
            interleavedRaw.Add(TimedPass.Measure(raw.Time));
        }

        var paired = Enumerable.Range(0, runs).Select(_ => PairedRound.Measure(node.Time, raw.Time)).ToList();

        Console.WriteLine();
        Console.WriteLine("| order | runs | node images/s | raw ONNX Runtime images/s | node / raw | node processor ms/image | raw processor ms/image |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        PrintRow("blocks (A A … B B …)", runs, instances.Count, blockNode, raw.ImageCount, blockRaw);
        PrintRow("interleaved (A B A B …)", runs, instances.Count, interleavedNode, raw.ImageCount, interleavedRaw);
        PrintPairedRow(runs, instances.Count, raw.ImageCount, paired);
        return 0;
    }

    /// <summary>
    /// Prints the paired order's row, whose ratio is the median of the rounds' own ratios, and
    /// their quartiles below the table. A change of load on the machine between rounds moves both
    /// sides of a round alike.
    /// </summary>
    private static void PrintPairedRow(int runs, int nodeImages, int rawImages, List<PairedRound> rounds)
    {
        var node = rounds.SelectMany(round => new[] { round.FirstNode, round.SecondNode }).ToList();
        var raw = rounds.SelectMany(round => new[] { round.FirstRaw, round.SecondRaw }).ToList();
        var ratios = rounds.Select(round => round.NodeOverRaw(nodeImages, rawImages)).Order().ToList();
        PrintRow("paired (A B B A …)", runs, nodeImages, node, rawImages, raw, Median.Of(ratios));

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"paired rounds: node / raw from {ratios[0]:P1} to {ratios[^1]:P1}, quartiles {Quartile(ratios, 1):P1} and {Quartile(ratios, 3):P1}"));
    }

    /// <summary>Returns the first or third quartile (<paramref name="quartile"/> 1 or 3) of sorted values, by the nearest rank.</summary>
    private static double Quartile(List<double> sorted, int quartile) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * quartile / 4.0) - 1)];

    /// <summary>Prints one order's row of medians. Its ratio is the ratio of the median rates, unless <paramref name="ratio"/> gives another.</summary>
    private static void PrintRow(string order, int runs, int nodeImages, List<TimedPass> node, int rawImages, List<TimedPass> raw, double? ratio = null)
    {
        var nodeRate = nodeImages / Median.Of([.. node.Select(pass => pass.Wall)]).TotalSeconds;
        var rawRate = rawImages / Median.Of([.. raw.Select(pass => pass.Wall)]).TotalSeconds;
        var nodeProcessor = Median.Of([.. node.Select(pass => pass.Processor)]).TotalMilliseconds / nodeImages;
        var rawProcessor = Median.Of([.. raw.Select(pass => pass.Processor)]).TotalMilliseconds / rawImages;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {order} | {runs} | {nodeRate:F1} | {rawRate:F1} | {ratio ?? (nodeRate / rawRate):P1} | {nodeProcessor:F2} | {rawProcessor:F2} |"));
    }
}
