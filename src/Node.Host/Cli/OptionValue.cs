using System.CommandLine;
using System.CommandLine.Parsing;

namespace Node.Host.Cli;

/// <summary>Reads an option's value inside a validator, where the value's text may not convert to its type.</summary>
internal static class OptionValue
{
    /// <summary>
    /// Returns whether the option's text converts to <typeparamref name="T"/>, and the value where it
    /// does. Where it does not, the parser reports the error itself ("Cannot parse argument 'abc' for
    /// option '--port'"), so a validator returns without a second one.
    /// </summary>
    public static bool TryGet<T>(OptionResult result, out T value)
    {
        try
        {
            value = result.GetValueOrDefault<T>();
            return true;
        }
        catch (InvalidOperationException)
        {
            value = default!;
            return false;
        }
    }

    /// <summary>
    /// Limits the option to <paramref name="allowed"/>, compared without regard to case, and
    /// converts the value to the spelling in the list, so "--language RU" reads as "ru". Any other
    /// value is a usage error that names the option and lists the values.
    /// </summary>
    public static Option<string> AcceptingOneOf(this Option<string> option, params string[] allowed)
    {
        option.CompletionSources.Add(allowed);
        option.CustomParser = result =>
        {
            var text = result.Tokens.Count == 0 ? string.Empty : result.Tokens[^1].Value;
            var match = allowed.FirstOrDefault(value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                result.AddError($"{option.Name} '{text}' is not one of {string.Join(", ", allowed)}.");
            }

            return match;
        };
        return option;
    }

    /// <summary>Adds a check that the option's path is not empty, which the file APIs would reject with an exception.</summary>
    public static Option<string> RequiringPath(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(token => string.IsNullOrWhiteSpace(token.Value)))
            {
                result.AddError($"{option.Name} is empty; give a file or folder path.");
            }
        });
        return option;
    }
}
