using Node.Dicom.Data;

namespace Node.Inference.Phantoms;

/// <summary>One generated study: its instances and, per finding id, whether the finding was planted.</summary>
public sealed record PhantomStudy(int Index, string StudyInstanceUid, IReadOnlyList<DicomDataset> Instances, IReadOnlyDictionary<string, bool> Labels);
