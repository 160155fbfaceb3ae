using Node.Dicom.Text;

namespace Node.Dicom.Tests.Text;

/// <summary>The (0008,0005) values the robustness tests run under: every defined term alone and the usual code-extension combinations.</summary>
internal static class TermLists
{
    public static IReadOnlyList<string[]> All { get; } =
    [
        [],
        [""],
        .. DefinedTerms.All.Select(term => new[] { term.Term }),
        ["", "ISO 2022 IR 87"],
        ["", "ISO 2022 IR 87", "ISO 2022 IR 159"],
        ["ISO 2022 IR 13", "ISO 2022 IR 87"],
        ["", "ISO 2022 IR 149"],
        ["ISO 2022 IR 100", "ISO 2022 IR 149"],
        ["", "ISO 2022 IR 58"],
        ["ISO 2022 IR 100", "ISO 2022 IR 144", "ISO 2022 IR 126"],
        ["ISO_IR 192", "GB18030"],
        ["ISO_IR 999"],
    ];

    public static string Describe(string[] terms) => terms.Length == 0 ? "(absent)" : string.Join('\\', terms);
}
