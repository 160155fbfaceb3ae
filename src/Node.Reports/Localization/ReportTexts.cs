namespace Node.Reports.Localization;

/// <summary>
/// The one table of report text in English and Russian. Finding names come from the model pack's
/// display names; everything else a person reads in the SR and SC comes from here.
/// </summary>
public static class ReportTexts
{
    private static readonly Dictionary<TextKey, LocalizedText> Table = new()
    {
        [TextKey.SrSeriesDescription] = new("AI results (SR)", "Результаты ИИ (SR)"),
        [TextKey.ScSeriesDescription] = new("AI results (images)", "Результаты ИИ (изображения)"),
        [TextKey.NotForDiagnosticUse] = new("Not for diagnostic use without review by a physician", "Не для диагностики без проверки врачом"),
        [TextKey.MadeByNodeWithModel] = new("Made by {0}, model {1} version {2}", "Создано: {0}, модель {1}, версия {2}"),
        [TextKey.SummaryTitle] = new("AI analysis summary", "Сводка анализа ИИ"),
        [TextKey.KeyImageTitle] = new("AI key image", "Ключевое изображение ИИ"),
        [TextKey.OverlayOf] = new("Colour overlay: {0}", "Цветовое наложение: {0}"),
        [TextKey.NoOverlay] = new("No colour overlay", "Без цветового наложения"),
        [TextKey.StudyResultsHeading] = new("Study results (probability, decision):", "Результаты исследования (вероятность, решение):"),
        [TextKey.ColumnFinding] = new("Finding", "Находка"),
        [TextKey.ColumnProbability] = new("Probability, %", "Вероятность, %"),
        [TextKey.ColumnDecisionThreshold] = new("Decision threshold, %", "Порог решения, %"),
        [TextKey.ColumnDecision] = new("Decision", "Решение"),
        [TextKey.Present] = new("present", "есть"),
        [TextKey.Absent] = new("absent", "нет"),
        [TextKey.Undetermined] = new("undetermined", "не определено"),
        [TextKey.NotAnalysedTitle] = new("Study not analysed", "Исследование не проанализировано"),
        [TextKey.ReasonWithValue] = new("{0}: {1} is \"{2}\" in instance {3}; expected {4}.", "{0}: {1} имеет значение «{2}» в экземпляре {3}; ожидалось: {4}."),
        [TextKey.ReasonMissingValue] = new("{0}: {1} is missing in instance {2}; expected {3}.", "{0}: {1} отсутствует в экземпляре {2}; ожидалось: {3}."),
        [TextKey.ReasonWithValueForStudy] = new("{0}: {1} is \"{2}\"; expected {3}.", "{0}: {1} имеет значение «{2}»; ожидалось: {3}."),
        [TextKey.ReasonMissingValueForStudy] = new("{0}: {1} is missing; expected {2}.", "{0}: {1} отсутствует; ожидалось: {2}."),
        [TextKey.RuleModality] = new("Modality not accepted", "Модальность не принимается"),
        [TextKey.RuleSopClass] = new("SOP class not accepted", "Класс SOP не принимается"),
        [TextKey.RulePhotometricInterpretation] = new("Photometric interpretation not accepted", "Фотометрическая интерпретация не принимается"),
        [TextKey.RuleRows] = new("Rows out of range", "Число строк вне диапазона"),
        [TextKey.RuleColumns] = new("Columns out of range", "Число столбцов вне диапазона"),
        [TextKey.RuleRequiredAttribute] = new("Required attribute missing", "Нет обязательного атрибута"),
        [TextKey.RulePixelData] = new("Pixel data cannot be decoded", "Пиксельные данные не декодируются"),
        [TextKey.RuleVoiWindow] = new("No usable VOI window", "Нет пригодного окна VOI"),
        [TextKey.RulePlausibleRange] = new("Image measure outside its plausible range", "Показатель изображения вне допустимого диапазона"),
        [TextKey.RuleNoInstances] = new("No instances to analyse", "Нет изображений для анализа"),
    };

    /// <summary>Every entry, for tests that check both languages.</summary>
    public static IReadOnlyDictionary<TextKey, LocalizedText> All => Table;

    /// <exception cref="KeyNotFoundException">The key has no entry, which a test rules out.</exception>
    public static string Get(TextKey key, ReportLanguage language) => Table[key].For(language);

    /// <summary>Fills the placeholders of a format text with culture-invariant arguments.</summary>
    public static string Format(TextKey key, ReportLanguage language, params object[] arguments) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, Get(key, language), arguments);
}
