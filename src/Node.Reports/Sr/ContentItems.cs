using System.Globalization;
using Node.Dicom.Data;
using Node.Dicom.Tags;
using Node.Dicom.Vr;
using Node.Inference.Packs;

namespace Node.Reports.Sr;

/// <summary>
/// Builds SR content items (PS3.3 C.17.3) and code sequence items (PS3.3 8.8). Each method
/// returns an item for a Content Sequence (0040,A730): relationship, value type, concept name
/// and the value attributes of its value type.
/// </summary>
public static class ContentItems
{
    /// <summary>Code Value (0008,0100) is SH; longer values go in Long Code Value (0008,0119), PS3.3 8.8.</summary>
    private const int MaxShortCodeValueLength = 16;

    public static DicomDataset Container(string relationship, CodedConcept concept, IEnumerable<DicomDataset> children)
    {
        var item = Head(relationship, ValueType.Container, concept);
        item.SetString(DicomTags.ContinuityOfContent, DicomVR.CS, "SEPARATE");
        item.SetSequence(DicomTags.ContentSequence, [.. children]);
        return item;
    }

    public static DicomDataset Text(string relationship, CodedConcept concept, string text)
    {
        var item = Head(relationship, ValueType.Text, concept);
        item.SetString(DicomTags.TextValue, DicomVR.UT, text);
        return item;
    }

    public static DicomDataset Code(string relationship, CodedConcept concept, CodedConcept value)
    {
        var item = Head(relationship, ValueType.Code, concept);
        item.SetSequence(DicomTags.ConceptCodeSequence, CodeItem(value));
        return item;
    }

    public static DicomDataset UidRef(string relationship, CodedConcept concept, string uid)
    {
        var item = Head(relationship, ValueType.UidRef, concept);
        item.SetUid(DicomTags.UID, uid);
        return item;
    }

    /// <summary>
    /// A NUM item: Numeric Value (0040,A30A) as a Decimal String of at most 16 characters, and
    /// Floating Point Value (0040,A161) with the exact double where the text cannot hold it, as
    /// PS3.3 C.18.1.1 requires.
    /// </summary>
    public static DicomDataset Num(string relationship, CodedConcept concept, double value, CodedConcept unit)
    {
        var measured = new DicomDataset();
        var text = DicomDecimalString.Format(value);
        measured.SetSequence(DicomTags.MeasurementUnitsCodeSequence, CodeItem(unit));
        measured.SetString(DicomTags.NumericValue, DicomVR.DS, text);
        if (!DicomDecimalString.TryParse(text, out double parsed) || parsed != value)
        {
            measured.SetValues(DicomTags.FloatingPointValue, DicomVR.FD, value);
        }

        var item = Head(relationship, ValueType.Num, concept);
        item.SetSequence(DicomTags.MeasuredValueSequence, measured);
        return item;
    }

    /// <summary>An IMAGE item referencing one instance.</summary>
    /// <param name="relationship">The relationship to the parent item.</param>
    /// <param name="concept">The item's concept name; null in the Image Library.</param>
    /// <param name="sopClassUid">The referenced instance's SOP Class UID.</param>
    /// <param name="sopInstanceUid">The referenced instance's SOP Instance UID.</param>
    /// <param name="frameNumbers">
    /// The frames, numbered from 1, that the reference applies to, written as Referenced Frame
    /// Number (0008,1160). Leave it empty where the reference applies to every frame: the
    /// attribute is then absent (Type 1C in the Image Reference macro).
    /// </param>
    public static DicomDataset Image(string relationship, CodedConcept? concept, string sopClassUid, string sopInstanceUid, IReadOnlyList<int>? frameNumbers = null)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.RelationshipType, DicomVR.CS, relationship);
        item.SetString(DicomTags.ValueType, DicomVR.CS, ValueType.Image);
        if (concept is not null)
        {
            item.SetSequence(DicomTags.ConceptNameCodeSequence, CodeItem(concept));
        }

        var reference = SopReference(sopClassUid, sopInstanceUid);
        if (frameNumbers is { Count: > 0 })
        {
            reference.SetString(DicomTags.ReferencedFrameNumber, DicomVR.IS, [.. frameNumbers.Select(frame => frame.ToString(CultureInfo.InvariantCulture))]);
        }

        item.SetSequence(DicomTags.ReferencedSOPSequence, reference);
        return item;
    }

    /// <summary>An item of a code sequence: Code Value (or Long Code Value), Coding Scheme Designator, Code Meaning.</summary>
    public static DicomDataset CodeItem(CodedConcept code)
    {
        var item = new DicomDataset();
        if (code.Value.Length > MaxShortCodeValueLength)
        {
            item.SetString(DicomTags.LongCodeValue, DicomVR.UC, code.Value);
        }
        else
        {
            item.SetString(DicomTags.CodeValue, DicomVR.SH, code.Value);
        }

        item.SetString(DicomTags.CodingSchemeDesignator, DicomVR.SH, code.Scheme);
        item.SetString(DicomTags.CodeMeaning, DicomVR.LO, code.Meaning);
        return item;
    }

    /// <summary>A Referenced SOP Sequence item: Referenced SOP Class UID and Referenced SOP Instance UID.</summary>
    public static DicomDataset SopReference(string sopClassUid, string sopInstanceUid)
    {
        var item = new DicomDataset();
        item.SetUid(DicomTags.ReferencedSOPClassUID, sopClassUid);
        item.SetUid(DicomTags.ReferencedSOPInstanceUID, sopInstanceUid);
        return item;
    }

    private static DicomDataset Head(string relationship, string valueType, CodedConcept concept)
    {
        var item = new DicomDataset();
        item.SetString(DicomTags.RelationshipType, DicomVR.CS, relationship);
        item.SetString(DicomTags.ValueType, DicomVR.CS, valueType);
        item.SetSequence(DicomTags.ConceptNameCodeSequence, CodeItem(concept));
        return item;
    }
}
