using Node.Inference.Packs;
using Node.Inference.Results;

namespace Node.Reports.Sr;

/// <summary>
/// Russian Code Meanings for the concepts a Russian SR uses. A Code Meaning is text for people;
/// readers match codes by value and scheme, so a translated meaning leaves the SR machine-readable.
/// The findings take their Russian names from the model pack.
/// </summary>
internal static class RussianCodeMeanings
{
    private static readonly Dictionary<(string Scheme, string Value), string> Fixed = new()
    {
        [Key(SrCodes.ImagingMeasurementReport)] = "Отчёт об измерениях",
        [Key(SrCodes.LanguageOfContent)] = "Язык содержимого",
        [Key(SrCodes.ObserverType)] = "Тип наблюдателя",
        [Key(SrCodes.Device)] = "Устройство",
        [Key(SrCodes.DeviceObserverUid)] = "UID устройства-наблюдателя",
        [Key(SrCodes.DeviceObserverName)] = "Имя устройства-наблюдателя",
        [Key(SrCodes.DeviceObserverManufacturer)] = "Производитель устройства",
        [Key(SrCodes.DeviceObserverModelName)] = "Модель устройства-наблюдателя",
        [Key(SrCodes.ProcedureReported)] = "Описываемая процедура",
        [Key(SrCodes.ImageLibrary)] = "Библиотека изображений",
        [Key(SrCodes.ImageLibraryGroup)] = "Группа библиотеки изображений",
        [Key(SrCodes.ImagingMeasurements)] = "Измерения по изображениям",
        [Key(SrCodes.QualitativeEvaluations)] = "Качественные оценки",
        [Key(SrCodes.MeasurementGroup)] = "Группа измерений",
        [Key(SrCodes.TrackingIdentifier)] = "ID отслеживания",
        [Key(SrCodes.TrackingUniqueIdentifier)] = "UID отслеживания",
        [Key(SrCodes.Finding)] = "Находка",
        [Key(SrCodes.AlgorithmName)] = "Название алгоритма",
        [Key(SrCodes.AlgorithmVersion)] = "Версия алгоритма",
        [Key(SrCodes.AlgorithmParameters)] = "Параметры алгоритма",
        [Key(SrCodes.SourceOfMeasurement)] = "Источник измерения",
        [Key(SrCodes.CertaintyOfFinding)] = "Вероятность находки",
        [Key(SrCodes.CadOperatingPoint)] = "Рабочая точка CAD (порог решения)",
        [Key(SrCodes.ProbabilityOfCancer)] = "Вероятность рака",
        [Key(SrCodes.NoUnits)] = "без единиц",
        [Key(SrCodes.Present)] = "Присутствует",
        [Key(SrCodes.Absent)] = "Отсутствует",
        [Key(SrCodes.Undetermined)] = "Не определено",
        [Key(SrCodes.ReasonNotAnalysed)] = "Причина отказа от анализа",
        [Key(SrCodes.English)] = "английский",
        [Key(SrCodes.Russian)] = "русский",
        [Key(SrCodes.ProcedureFor("CT"))] = "КТ, область не указана",
        [Key(SrCodes.ProcedureFor("DX"))] = "Рентгенография, область не указана",
        [Key(SrCodes.ProcedureFor("MG"))] = "Маммография обеих молочных желёз",
        [Key(SrCodes.ProcedureFor(null))] = "Визуализирующее исследование",
    };

    /// <summary>The Russian meanings for one result: the fixed ones and the result's findings and "any finding" item.</summary>
    public static IReadOnlyDictionary<(string Scheme, string Value), string> For(StudyResult result)
    {
        var meanings = new Dictionary<(string Scheme, string Value), string>(Fixed);
        if (result is AnalysedStudyResult analysed)
        {
            foreach (var finding in analysed.Findings)
            {
                meanings[Key(finding.Finding.Code)] = finding.Finding.DisplayNames.Russian;
            }

            meanings[Key(analysed.AnyFinding.Definition.Code)] = analysed.AnyFinding.Definition.DisplayNames.Russian;
        }

        return meanings;
    }

    private static (string Scheme, string Value) Key(CodedConcept code) => (code.Scheme, code.Value);
}
