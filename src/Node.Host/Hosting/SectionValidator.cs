using Microsoft.Extensions.Options;

namespace Node.Host.Hosting;

/// <summary>Runs a settings class's own Validate method for the options system, so <c>ValidateOnStart</c> stops the host on the same messages.</summary>
internal sealed class SectionValidator<T> : IValidateOptions<T>
    where T : class
{
    private readonly Func<T, IReadOnlyList<string>> _validate;

    public SectionValidator(Func<T, IReadOnlyList<string>> validate)
    {
        _validate = validate;
    }

    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = _validate(options);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
