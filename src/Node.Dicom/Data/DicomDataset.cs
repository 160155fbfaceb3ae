using System.Collections;
using Node.Dicom.Tags;
using Node.Dicom.Text;
using Node.Dicom.Vr;

namespace Node.Dicom.Data;

/// <summary>
/// A data set: data elements ordered by tag, as PS3.5 7.1 requires on the wire. Typed getters
/// and setters live in the other parts of this class, grouped by kind of value.
/// </summary>
public sealed partial class DicomDataset : IEnumerable<DicomElement>
{
    /// <summary>The elements in ascending tag order; a binary search finds one.</summary>
    private readonly List<DicomElement> _elements = [];

    /// <summary>The character set named by this data set's own (0008,0005), or null where it has none.</summary>
    private DicomCharacterSet? _ownCharacterSet;

    public DicomDataset()
    {
    }

    public DicomDataset(IEnumerable<DicomElement> elements)
    {
        foreach (var element in elements)
        {
            Set(element);
        }
    }

    public int Count => _elements.Count;

    /// <summary>The sequence this data set is an item of, or null for a top-level data set.</summary>
    public DicomSequence? ParentSequence { get; internal set; }

    /// <summary>
    /// The character set that decodes this data set's text: its own Specific Character Set
    /// (0008,0005) where present, else the one of the data set holding its sequence, else the
    /// default repertoire.
    /// </summary>
    public DicomCharacterSet CharacterSet =>
        _ownCharacterSet ?? ParentSequence?.Owner?.CharacterSet ?? DicomCharacterSet.Default;

    /// <summary>The top-level data set that contains this one through sequences.</summary>
    public DicomDataset Root
    {
        get
        {
            var current = this;
            while (current.ParentSequence?.Owner is { } owner)
            {
                current = owner;
            }

            return current;
        }
    }

    public bool Contains(DicomTag tag) => IndexOf(tag) >= 0;

    public DicomElement? GetElement(DicomTag tag)
    {
        var index = IndexOf(tag);
        return index >= 0 ? _elements[index] : null;
    }

    public bool TryGetElement(DicomTag tag, out DicomElement element)
    {
        element = GetElement(tag)!;
        return element is not null;
    }

    /// <summary>Adds the element, replacing any element with the same tag.</summary>
    public void Set(DicomElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var index = IndexOf(element.Tag);
        if (index >= 0)
        {
            Detach(_elements[index]);
            _elements[index] = element;
        }
        else
        {
            _elements.Insert(~index, element);
        }

        Attach(element);
    }

    /// <summary>
    /// Adds an element read from input. Elements normally arrive in ascending order, so the
    /// common case appends. A repeated tag keeps the first element, as DCMTK does.
    /// </summary>
    /// <returns>False where an element with the same tag was already present.</returns>
    internal bool AddFromInput(DicomElement element)
    {
        if (_elements.Count == 0 || _elements[^1].Tag < element.Tag)
        {
            _elements.Add(element);
            Attach(element);
            return true;
        }

        var index = IndexOf(element.Tag);
        if (index >= 0)
        {
            return false;
        }

        _elements.Insert(~index, element);
        Attach(element);
        return true;
    }

    public bool Remove(DicomTag tag)
    {
        var index = IndexOf(tag);
        if (index < 0)
        {
            return false;
        }

        Detach(_elements[index]);
        _elements.RemoveAt(index);
        return true;
    }

    /// <summary>Removes every element for which <paramref name="match"/> is true.</summary>
    public int RemoveAll(Func<DicomElement, bool> match)
    {
        var removed = _elements.Where(match).ToList();
        foreach (var element in removed)
        {
            Remove(element.Tag);
        }

        return removed.Count;
    }

    /// <summary>
    /// Copies the data set and every nested item. Values are shared, since value bytes are never
    /// changed in place.
    /// </summary>
    public DicomDataset Clone()
    {
        var copy = new DicomDataset();
        foreach (var element in _elements)
        {
            copy.Set(CloneElement(element));
        }

        return copy;
    }

    public IEnumerator<DicomElement> GetEnumerator() => _elements.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private static DicomElement CloneElement(DicomElement element) => element switch
    {
        DicomSequence sequence => new DicomSequence(sequence.Tag, sequence.Items.Select(item => item.Clone())),
        DicomFragmentSequence fragments => new DicomFragmentSequence(fragments.Tag, fragments.VR, fragments.BasicOffsetTable, fragments.Fragments),
        _ => element,
    };

    private void Attach(DicomElement element)
    {
        if (element is DicomSequence sequence)
        {
            sequence.Owner = this;
        }

        if (element.Tag == DicomTags.SpecificCharacterSet)
        {
            _ownCharacterSet = element is DicomValueElement value ? ParseCharacterSet(value) : null;
        }
    }

    private void Detach(DicomElement element)
    {
        if (element is DicomSequence sequence && ReferenceEquals(sequence.Owner, this))
        {
            sequence.Owner = null;
        }

        if (element.Tag == DicomTags.SpecificCharacterSet)
        {
            _ownCharacterSet = null;
        }
    }

    private static DicomCharacterSet ParseCharacterSet(DicomValueElement element)
    {
        var terms = System.Text.Encoding.ASCII.GetString(element.Value.Span).Split('\\');
        return DicomCharacterSet.FromTerms(terms);
    }

    private int IndexOf(DicomTag tag)
    {
        var low = 0;
        var high = _elements.Count - 1;
        var value = tag.Value;
        while (low <= high)
        {
            var middle = low + ((high - low) >> 1);
            var current = _elements[middle].Tag.Value;
            if (current == value)
            {
                return middle;
            }

            if (current < value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
