namespace Node.Dicom.Text;

/// <summary>
/// The ISO 2022 code element an escape sequence designates a graphic character set to. G0 contains
/// the bytes 0x21-0x7E, G1 the bytes 0xA1-0xFE (0xA0-0xFF for 96-character sets).
/// </summary>
internal enum CodeElement
{
    G0,
    G1,
}
