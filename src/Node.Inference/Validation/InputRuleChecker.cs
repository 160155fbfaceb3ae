using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Dictionary;
using Node.Dicom.Errors;
using Node.Dicom.Imaging;
using Node.Dicom.Tags;
using Node.Inference.Packs;

namespace Node.Inference.Validation;

/// <summary>
/// Checks an instance against a model pack's input rules and lists every rule it breaks. A
/// required attribute may sit at the top level or, in an enhanced multi-frame instance such as
/// an Enhanced CT, in the per-frame or shared functional groups (PS3.3 C.7.6.16).
/// </summary>
public sealed class InputRuleChecker
{
    private readonly InputRules _rules;

    public InputRuleChecker(InputRules rules)
    {
        _rules = rules;
    }

    /// <summary>
    /// Returns whether the instance's modality and SOP class are ones the pack takes. An instance
    /// of another kind in a study, such as a dose report beside CT images, is left out of the
    /// analysis. The other rules decide whether an instance of the right kind can be analysed.
    /// </summary>
    public bool IsOfAcceptedKind(DicomDataset dataset) =>
        IsOneOf(TrimmedString(dataset, DicomTags.Modality), _rules.Modalities) && IsOneOf(TrimmedString(dataset, DicomTags.SOPClassUID), _rules.SopClassUids);

    /// <summary>Returns the rules the instance breaks; empty where it meets them all.</summary>
    public IReadOnlyList<NotAnalysedReason> Check(DicomDataset dataset)
    {
        var uid = dataset.GetUid(DicomTags.SOPInstanceUID);
        var reasons = new List<NotAnalysedReason>();

        CheckOneOf(dataset, DicomTags.Modality, "Modality (0008,0060)", _rules.Modalities, NotAnalysedRule.Modality, uid, reasons);
        CheckOneOf(dataset, DicomTags.SOPClassUID, "SOP Class UID (0008,0016)", _rules.SopClassUids, NotAnalysedRule.SopClass, uid, reasons);
        CheckOneOf(dataset, DicomTags.PhotometricInterpretation, "Photometric Interpretation (0028,0004)", _rules.PhotometricInterpretations, NotAnalysedRule.PhotometricInterpretation, uid, reasons);
        CheckRange(dataset, DicomTags.Rows, "Rows (0028,0010)", _rules.Rows, NotAnalysedRule.Rows, uid, reasons);
        CheckRange(dataset, DicomTags.Columns, "Columns (0028,0011)", _rules.Columns, NotAnalysedRule.Columns, uid, reasons);

        CheckRequired(dataset, uid, reasons);
        return reasons;
    }

    /// <summary>What a reason expects of functional groups that could not be read.</summary>
    private const string ExpectedFunctionalGroups =
        "functional groups that can be read: one item in the Shared Functional Groups Sequence and one Per-frame Functional Groups item for each frame";

    /// <summary>
    /// Checks that each required attribute has a value at the top level or, in an enhanced
    /// multi-frame instance, in the functional groups of every frame. Where malformed functional
    /// groups hide required attributes, one reason names the malformed element in place of a
    /// reason per hidden attribute.
    /// </summary>
    private void CheckRequired(DicomDataset dataset, string? uid, List<NotAnalysedReason> reasons)
    {
        var groups = new Lazy<(FrameFunctionalGroups? Groups, DicomFormatException? Fault)>(() => ReadFunctionalGroups(dataset));
        var faultReported = false;
        foreach (var attribute in _rules.RequiredAttributes)
        {
            if (IsPresent(dataset, attribute.Tag))
            {
                continue;
            }

            var (frameGroups, fault) = groups.Value;
            if (frameGroups is not null && frameGroups.ContainsForEveryFrame(attribute.Tag))
            {
                continue;
            }

            if (fault is not null)
            {
                if (!faultReported)
                {
                    reasons.Add(new NotAnalysedReason(NotAnalysedRule.RequiredAttribute, AttributeName(fault.Tag), fault.Reason, ExpectedFunctionalGroups, uid));
                    faultReported = true;
                }

                continue;
            }

            // Where only some frames lack it, the reason names the first of them, numbered from 1.
            var frameNumber = frameGroups?.FindFirstFrameLacking(attribute.Tag) + 1;
            reasons.Add(new NotAnalysedReason(NotAnalysedRule.RequiredAttribute, $"{attribute.Keyword} {attribute.Tag}", null, "a non-empty value", uid, frameNumber));
        }
    }

    /// <summary>Reads the functional groups, or returns the fault that stops them being read; both are null for a classic instance.</summary>
    private static (FrameFunctionalGroups? Groups, DicomFormatException? Fault) ReadFunctionalGroups(DicomDataset dataset)
    {
        if (!dataset.Contains(DicomTags.SharedFunctionalGroupsSequence) && !dataset.Contains(DicomTags.PerFrameFunctionalGroupsSequence))
        {
            return (null, null);
        }

        try
        {
            return (FrameFunctionalGroups.Read(dataset), null);
        }
        catch (DicomFormatException exception)
        {
            return (null, exception);
        }
    }

    /// <summary>Names an element as the reasons do, keyword then tag; the Per-frame Functional Groups Sequence where the fault carries no tag.</summary>
    private static string AttributeName(DicomTag? tag)
    {
        var named = tag ?? DicomTags.PerFrameFunctionalGroupsSequence;
        return DicomDictionary.TryFind(named, out var entry) ? $"{entry.Keyword} {named}" : named.ToString();
    }

    private static string? TrimmedString(DicomDataset dataset, DicomTag tag) => dataset.GetString(tag)?.Trim();

    private static bool IsOneOf(string? value, IReadOnlyList<string> accepted) => value is not null && accepted.Contains(value, StringComparer.Ordinal);

    private static void CheckOneOf(DicomDataset dataset, DicomTag tag, string attribute, IReadOnlyList<string> accepted, NotAnalysedRule rule, string? uid, List<NotAnalysedReason> reasons)
    {
        var value = TrimmedString(dataset, tag);
        if (!IsOneOf(value, accepted))
        {
            var expected = "one of " + string.Join(", ", accepted.Select(item => $"\"{item}\""));
            reasons.Add(new NotAnalysedReason(rule, attribute, value, expected, uid));
        }
    }

    private static void CheckRange(DicomDataset dataset, DicomTag tag, string attribute, IntegerRange range, NotAnalysedRule rule, string? uid, List<NotAnalysedReason> reasons)
    {
        if (!dataset.TryGetInt32(tag, out var value))
        {
            reasons.Add(new NotAnalysedReason(rule, attribute, null, $"an integer from {range}", uid));
        }
        else if (!range.Contains(value))
        {
            reasons.Add(new NotAnalysedReason(rule, attribute, value.ToString(CultureInfo.InvariantCulture), $"an integer from {range}", uid));
        }
    }

    private static bool IsPresent(DicomDataset dataset, DicomTag tag) => dataset.GetElement(tag) switch
    {
        DicomValueElement value => value.Length > 0 && (value.VR.Kind != Node.Dicom.Vr.DicomVRKind.Text || !string.IsNullOrWhiteSpace(dataset.GetString(tag))),
        DicomSequence sequence => sequence.Items.Count > 0,
        null => false,
        _ => true,
    };
}
