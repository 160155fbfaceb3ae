using Node.Dicom.Generator.Sources;

namespace Node.Dicom.Generator.Merging;

/// <summary>The merged UID registry.</summary>
/// <param name="Rows">Every UID, ordered by <see cref="UidComparer"/>.</param>
/// <param name="StorageSopClassUids">The UIDs of the storage SOP classes.</param>
internal sealed record UidMergeResult(IReadOnlyList<UidRow> Rows, IReadOnlySet<string> StorageSopClassUids);
