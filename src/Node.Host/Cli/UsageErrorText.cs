using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace Node.Host.Cli;

/// <summary>
/// Rewords two of System.CommandLine's messages. A value that does not convert names a .NET type
/// ("as expected type 'System.Nullable`1[System.Int32]'"); the new line names the kind of value
/// wanted: "--images 'abc' is not a whole number." A value outside an option's list does not
/// name the option; the new line does. Other messages pass unchanged.
/// </summary>
internal static partial class UsageErrorText
{
    /// <summary>Returns the message to print for <paramref name="error"/>.</summary>
    public static string Describe(ParseError error, ParseResult parseResult)
    {
        if (NotAmongAllowed(error) is { } notAllowed)
        {
            return notAllowed;
        }

        var match = ConversionFailure().Match(error.Message);
        if (!match.Success)
        {
            return error.Message;
        }

        var name = match.Groups["option"].Value;
        var value = match.Groups["value"].Value;
        var option = parseResult.CommandResult.Command.Options.FirstOrDefault(candidate => candidate.Name == name || candidate.Aliases.Contains(name));

        // A value of digits alone that does not convert is too large for the option's type.
        return IsWholeNumberType(option?.ValueType) && WholeNumber().IsMatch(value)
            ? $"{name} '{value}' is too large."
            : $"{name} '{value}' is not {Expected(option?.ValueType)}.";
    }

    private static bool IsWholeNumberType(Type? type)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(int) || underlying == typeof(long);
    }

    /// <summary>
    /// Rewords "Argument 'xml' not recognized. Must be one of:" and the list on the lines below,
    /// which does not name the option, into "--log-format 'xml' is not one of json, text."; null
    /// for any other error.
    /// </summary>
    private static string? NotAmongAllowed(ParseError error)
    {
        var match = NotRecognized().Match(error.Message);
        var option = error.SymbolResult switch
        {
            OptionResult result => result.Option,
            ArgumentResult { Parent: OptionResult result } => result.Option,
            _ => null,
        };
        if (!match.Success || option is null)
        {
            return null;
        }

        var allowed = QuotedValue().Matches(match.Groups["allowed"].Value).Select(value => value.Groups["value"].Value);
        return $"{option.Name} '{match.Groups["value"].Value}' is not one of {string.Join(", ", allowed)}.";
    }

    /// <summary>What a value of <paramref name="type"/> looks like, in words.</summary>
    private static string Expected(Type? type)
    {
        var underlying = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (underlying is not null && underlying.IsEnum)
        {
            return $"one of {string.Join(", ", Enum.GetNames(underlying))}";
        }

        if (IsWholeNumberType(underlying))
        {
            return "a whole number";
        }

        return underlying == typeof(double) ? "a number" : $"a value of the form {underlying?.Name ?? "the option takes"}";
    }

    [GeneratedRegex(@"^Argument '(?<value>.*)' not recognized\. Must be one of:(?<allowed>[\s\S]*)$")]
    private static partial Regex NotRecognized();

    [GeneratedRegex(@"'(?<value>[^']*)'")]
    private static partial Regex QuotedValue();

    [GeneratedRegex(@"^-?[0-9]+$")]
    private static partial Regex WholeNumber();

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for option '(?<option>[^']+)' as expected type '[^']+'\.")]
    private static partial Regex ConversionFailure();
}
