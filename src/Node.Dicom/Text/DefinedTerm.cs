using System.Text;

namespace Node.Dicom.Text;

/// <summary>A defined term of Specific Character Set (0008,0005) and what it decodes with.</summary>
internal sealed class DefinedTerm
{
    private readonly Lazy<Encoding>? standAloneEncoding;

    private DefinedTerm(string term, GraphicCharacterSet? set, Lazy<Encoding>? standAloneEncoding)
    {
        Term = term;
        Set = set;
        this.standAloneEncoding = standAloneEncoding;
    }

    /// <summary>The term as PS3.3 C.12.1.1.2 spells it, for example "ISO 2022 IR 100".</summary>
    public string Term { get; }

    /// <summary>
    /// The graphic character set the term stands for; null for ISO-IR 6, whose G0 set is always
    /// designated, and for the stand-alone terms.
    /// </summary>
    public GraphicCharacterSet? Set { get; }

    /// <summary>
    /// The decoder for whole values under a term that allows no code extensions (ISO_IR 192,
    /// GB18030, GBK); null for the others.
    /// </summary>
    public Encoding? StandAloneEncoding => standAloneEncoding?.Value;

    public bool IsStandAlone => standAloneEncoding is not null;

    public static DefinedTerm Iso2022(string term, GraphicCharacterSet? set) => new(term, set, null);

    public static DefinedTerm StandAlone(string term, Func<Encoding> encoding) => new(term, null, new Lazy<Encoding>(encoding));

    public override string ToString() => Term;
}
