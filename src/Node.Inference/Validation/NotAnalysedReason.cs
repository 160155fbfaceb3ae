namespace Node.Inference.Validation;

/// <summary>Why the model did not analyse a study: which rule, on which attribute, what value, what was expected.</summary>
/// <param name="Rule">The rule broken.</param>
/// <param name="Attribute">The DICOM attribute or preprocessing measure, such as "Modality (0008,0060)" or "BodyFraction".</param>
/// <param name="Value">The value found, as text without quotes; null where the attribute is absent.</param>
/// <param name="Expected">The accepted values or range.</param>
/// <param name="SopInstanceUid">The instance that broke the rule; null for a rule about the whole study.</param>
/// <param name="FrameNumber">The frame of a multi-frame instance that broke the rule, numbered from 1; null where the rule is about the whole instance or study.</param>
public sealed record NotAnalysedReason(NotAnalysedRule Rule, string Attribute, string? Value, string Expected, string? SopInstanceUid, int? FrameNumber = null)
{
    /// <summary>One line for logs and reports, in English.</summary>
    public string Message
    {
        get
        {
            var found = Value is null ? "is missing" : $"is \"{Value}\"";
            var where = SopInstanceUid is null ? string.Empty : $" in instance {SopInstanceUid}";
            if (FrameNumber is { } frameNumber)
            {
                where += $" frame {frameNumber}";
            }

            return $"{Rule}: {Attribute} {found}{where}; expected {Expected}.";
        }
    }

    public override string ToString() => Message;
}
