using Node.Dicom.Errors;

namespace Node.Dicom.Tests.Robustness;

/// <summary>
/// How one guarded parse ended: <see cref="Failure"/> describes what went wrong, or is null where
/// the input was handled well; <see cref="Rejection"/> is the DicomFormatException the parse
/// threw, or null where it returned a file.
/// </summary>
internal readonly record struct ParseOutcome(string? Failure, DicomFormatException? Rejection);
