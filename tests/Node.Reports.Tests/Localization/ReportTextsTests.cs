using System.Text;
using System.Text.RegularExpressions;
using Node.Inference.Validation;
using Node.Reports.Localization;

namespace Node.Reports.Tests.Localization;

[Description("Every string a person reads in the reports exists in English and in Russian.")]
public sealed partial class ReportTextsTests
{
    [Test]
    public void Every_key_has_both_languages()
    {
        foreach (var key in Enum.GetValues<TextKey>())
        {
            Assert.That(ReportTexts.All.TryGetValue(key, out var text), Is.True, $"{key} has no entry");
            Assert.That(text!.English, Is.Not.Empty.And.Not.Contains("  "), $"{key} English");
            Assert.That(text.Russian, Is.Not.Empty.And.Not.Contains("  "), $"{key} Russian");
            Assert.That(text.Russian, Does.Match("[А-Яа-яЁё]"), $"{key} Russian text has no Cyrillic letter");
            Assert.That(text.English, Does.Not.Match("[А-Яа-яЁё]"), $"{key} English text has a Cyrillic letter");
        }
    }

    [Test]
    public void Placeholders_match_in_both_languages()
    {
        foreach (var (key, text) in ReportTexts.All)
        {
            Assert.That(Placeholders(text.Russian), Is.EquivalentTo(Placeholders(text.English)), key.ToString());
        }
    }

    [Test]
    public void Every_rule_has_a_text()
    {
        foreach (var rule in Enum.GetValues<NotAnalysedRule>())
        {
            Assert.That(() => ReasonTexts.RuleKey(rule), Throws.Nothing, rule.ToString());
        }
    }

    [TestCase(TextKey.SrSeriesDescription)]
    [TestCase(TextKey.ScSeriesDescription)]
    [Description("Series Description is LO: dciodvfy counts its 64 characters as bytes, so UTF-8 Russian must fit in 64 bytes.")]
    public void Series_descriptions_fit_lo(TextKey key)
    {
        foreach (var language in Enum.GetValues<ReportLanguage>())
        {
            Assert.That(Encoding.UTF8.GetByteCount(ReportTexts.Get(key, language)), Is.LessThanOrEqualTo(64), language.ToString());
        }
    }

    [Test]
    public void Reason_reads_in_russian()
    {
        var reason = new NotAnalysedReason(NotAnalysedRule.Modality, "Modality (0008,0060)", "MR", "one of \"CT\"", "1.2.3");

        var text = ReasonTexts.Describe(reason, ReportLanguage.Russian);

        Assert.That(text, Is.EqualTo("Модальность не принимается: Modality (0008,0060) имеет значение «MR» в экземпляре 1.2.3; ожидалось: одно из: \"CT\"."));
    }

    [TestCase("a non-empty value", "непустое значение")]
    [TestCase("functional groups that can be read: one item in the Shared Functional Groups Sequence and one Per-frame Functional Groups item for each frame", "читаемые функциональные группы: один элемент в Shared Functional Groups Sequence и по одному элементу Per-frame Functional Groups на каждый кадр")]
    [TestCase("an integer from 64 to 4096", "целое число от 64 до 4096")]
    [TestCase("a value from 0.05 to 0.95", "значение от 0.05 до 0.95")]
    [TestCase("at least one instance", "хотя бы один экземпляр")]
    [TestCase("a form not listed", "a form not listed")]
    public void Expected_values_read_in_russian(string english, string russian)
    {
        Assert.That(ReasonTexts.ExpectedInRussian(english), Is.EqualTo(russian));
    }

    [Test]
    public void Percent_uses_language_separator()
    {
        var probability = new Node.Inference.Results.Probability(0.8734);

        Assert.That(DisplayFormat.Percent(probability, ReportLanguage.English), Is.EqualTo("87.3 %"));
        Assert.That(DisplayFormat.Percent(probability, ReportLanguage.Russian), Is.EqualTo("87,3 %"));
    }

    private static IReadOnlyList<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(match => match.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
