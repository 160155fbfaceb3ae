using System.Collections;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace Node.Host.Configuration;

/// <summary>
/// Finds configuration keys that no settings property takes. The configuration binder ignores
/// them, so a misspelt key (<c>QuietPeriode</c>) would otherwise leave its default in force
/// without a word.
/// </summary>
internal static class UnknownSettingCheck
{
    /// <summary>Adds one message per key under <paramref name="section"/> that <paramref name="type"/> has no property for.</summary>
    public static void Run(IConfigurationSection section, Type type, List<string> errors)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(property => property.CanWrite)
            .ToDictionary(property => property.Name, StringComparer.OrdinalIgnoreCase);

        foreach (var child in section.GetChildren())
        {
            if (!properties.TryGetValue(child.Key, out var property))
            {
                var known = string.Join(", ", properties.Keys.Order(StringComparer.Ordinal));
                errors.Add($"{child.Path} is not a known setting; {section.Path} takes: {known}.");
                continue;
            }

            CheckValue(child, property.PropertyType, errors);
        }
    }

    private static void CheckValue(IConfigurationSection section, Type type, List<string> errors)
    {
        if (IsScalar(type))
        {
            return;
        }

        var element = ElementType(type);
        if (element is null)
        {
            Run(section, type, errors);
            return;
        }

        if (IsScalar(element))
        {
            return;
        }

        foreach (var item in section.GetChildren())
        {
            if (!int.TryParse(item.Key, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                errors.Add($"{item.Path} is not a list index; {section.Path} is a list, so its keys are 0, 1, 2 and so on.");
                continue;
            }

            Run(item, element, errors);
        }
    }

    private static bool IsScalar(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(TimeSpan) || type == typeof(decimal)
        || Nullable.GetUnderlyingType(type) is not null;

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        return type.IsArray ? type.GetElementType() : type.GetGenericArguments().FirstOrDefault();
    }
}
