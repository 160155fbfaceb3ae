using System.CommandLine;
using Node.Inference.Phantoms;

namespace Node.Host.Cli;

/// <summary>The command <c>ainode synth</c>: writes labeled phantom studies for the reference model.</summary>
public static class SynthCommand
{
    public const int MaxStudies = 100_000;

    /// <summary>The most images one phantom study may have: a long CT series.</summary>
    public const int MaxImagesPerStudy = 2_000;

    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Folder to write the studies (one subfolder each) and labels.csv into; created where needed.",
            Required = true,
        }.RequiringPath();
        var studies = new Option<int>("--studies")
        {
            Description = $"Number of studies to write, from 1 to {MaxStudies}.",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the random generator; the same seed and modality write the same studies.",
            Required = true,
        };
        var modality = new Option<PhantomModality>("--modality")
        {
            Description = "CT (3 slices per study), MG (4 views) or DX (1 MONOCHROME1 view). Default CT.",
            DefaultValueFactory = _ => PhantomModality.CT,
        };
        var images = new Option<int?>("--images")
        {
            Description = $"Images per study, from 1 to {MaxImagesPerStudy}, in place of the modality's own count; for benchmarks with long studies.",
        };
        images.Validators.Add(result =>
        {
            if (!OptionValue.TryGet<int?>(result, out var count))
            {
                return;
            }

            if (count is < 1 or > MaxImagesPerStudy)
            {
                result.AddError($"--images {count} is invalid; expected an integer from 1 to {MaxImagesPerStudy}.");
            }
        });
        studies.Validators.Add(result =>
        {
            if (!OptionValue.TryGet<int>(result, out var count))
            {
                return;
            }

            if (count is < 1 or > MaxStudies)
            {
                result.AddError($"--studies {count} is invalid; expected an integer from 1 to {MaxStudies}.");
            }
        });

        var command = new Command("synth", "Write labeled phantom studies (DICOM files and labels.csv) in which the reference model's findings are planted.")
        {
            output,
            studies,
            seed,
            modality,
            images,
        };
        command.SetAction(parseResult =>
        {
            var directory = parseResult.GetValue(output)!;
            var generator = new PhantomGenerator(parseResult.GetValue(modality), parseResult.GetValue(seed), parseResult.GetValue(images));
            int files;
            try
            {
                files = PhantomWriter.Write(directory, generator.Generate(parseResult.GetValue(studies)));
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                return FailureText.Report(parseResult.InvocationConfiguration.Error, $"cannot write the studies to {Path.GetFullPath(directory)}", FailureText.Reason(exception));
            }

            parseResult.InvocationConfiguration.Output.WriteLine($"Wrote {files} DICOM file(s) and {PhantomWriter.LabelsFileName} to {Path.GetFullPath(directory)}.");
            return 0;
        });
        return command;
    }
}
