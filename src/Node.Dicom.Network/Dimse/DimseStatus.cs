namespace Node.Dicom.Network.Dimse;

/// <summary>
/// DIMSE status codes (PS3.7 Annex C) and the Storage service's codes (PS3.4 B.2.3). Ranges
/// such as A7xx are given by their first code; a handler may return any code of the range.
/// </summary>
public static class DimseStatus
{
    public const ushort Success = 0x0000;

    /// <summary>Warning: coercion of data elements (the SCP changed some values).</summary>
    public const ushort CoercionOfDataElements = 0xB000;

    /// <summary>Warning: elements discarded.</summary>
    public const ushort ElementsDiscarded = 0xB006;

    /// <summary>Warning: data set does not match SOP class, stored anyway.</summary>
    public const ushort DataSetDoesNotMatchSopClassWarning = 0xB007;

    /// <summary>Refused: out of resources (A700 to A7FF), for example a full disk or queue.</summary>
    public const ushort OutOfResources = 0xA700;

    /// <summary>Error: data set does not match SOP class (A900 to A9FF).</summary>
    public const ushort DataSetDoesNotMatchSopClassError = 0xA900;

    /// <summary>Error: cannot understand (C000 to CFFF), for example a data set that does not parse.</summary>
    public const ushort CannotUnderstand = 0xC000;

    /// <summary>Failure: processing failure; PS3.7 does not list it for C-STORE, prefer A7xx, A9xx or Cxxx.</summary>
    public const ushort ProcessingFailure = 0x0110;

    public const ushort DuplicateSopInstance = 0x0111;

    /// <summary>Failure: the SOP Instance UID breaks the UID rules.</summary>
    public const ushort InvalidSopInstance = 0x0117;

    /// <summary>Failure: the SOP class named in the command does not fit (for example not the context's abstract syntax).</summary>
    public const ushort ClassInstanceConflict = 0x0119;

    public const ushort SopClassNotSupported = 0x0122;

    public const ushort NotAuthorized = 0x0124;

    /// <summary>Failure: the Message ID is already in use by an outstanding operation.</summary>
    public const ushort DuplicateInvocation = 0x0210;

    public const ushort UnrecognizedOperation = 0x0211;

    /// <summary>Failure: a parameter was not agreed for the association.</summary>
    public const ushort MistypedArgument = 0x0212;

    public const ushort ResourceLimitation = 0x0213;

    public const ushort Cancel = 0xFE00;

    public const ushort Pending = 0xFF00;

    /// <summary>Pending with warnings: some optional keys were not supported.</summary>
    public const ushort PendingWithWarnings = 0xFF01;

    public static bool IsSuccess(ushort status) => status == Success;

    /// <summary>True for 0001, Bxxx, 0107 and 0116: the operation was done with a warning.</summary>
    public static bool IsWarning(ushort status) => status is 0x0001 or 0x0107 or 0x0116 || (status & 0xF000) == 0xB000;

    public static bool IsPending(ushort status) => status is Pending or PendingWithWarnings;

    /// <summary>True for every status that is not success, warning, pending or cancel.</summary>
    public static bool IsFailure(ushort status) => !IsSuccess(status) && !IsWarning(status) && !IsPending(status) && status != Cancel;

    public static bool IsOutOfResources(ushort status) => (status & 0xFF00) == OutOfResources;

    /// <summary>Returns the code in hex with its meaning, for logs and messages.</summary>
    public static string Describe(ushort status) => $"0x{status:X4} ({Meaning(status)})";

    private static string Meaning(ushort status) => status switch
    {
        Success => "Success",
        CoercionOfDataElements => "Warning: coercion of data elements",
        ElementsDiscarded => "Warning: elements discarded",
        DataSetDoesNotMatchSopClassWarning => "Warning: data set does not match SOP class",
        ProcessingFailure => "Failure: processing failure",
        DuplicateSopInstance => "Failure: duplicate SOP instance",
        InvalidSopInstance => "Failure: invalid SOP instance",
        ClassInstanceConflict => "Failure: class-instance conflict",
        SopClassNotSupported => "Refused: SOP class not supported",
        NotAuthorized => "Refused: not authorized",
        DuplicateInvocation => "Failure: duplicate invocation",
        UnrecognizedOperation => "Failure: unrecognized operation",
        MistypedArgument => "Failure: mistyped argument",
        ResourceLimitation => "Failure: resource limitation",
        Cancel => "Cancel",
        Pending or PendingWithWarnings => "Pending",
        _ when IsOutOfResources(status) => "Refused: out of resources",
        _ when (status & 0xFF00) == DataSetDoesNotMatchSopClassError => "Error: data set does not match SOP class",
        _ when (status & 0xF000) == CannotUnderstand => "Error: cannot understand",
        _ when IsWarning(status) => "Warning",
        _ => "Failure",
    };
}
