using System.Globalization;

namespace Support.Plugins.Abstractions;

/// <summary>Picks the text for the current UI culture from a plugin's per-culture dictionary.</summary>
public static class LocalisedText
{
    public static string Pick(IReadOnlyDictionary<string, string> texts, CultureInfo? culture = null)
    {
        culture ??= CultureInfo.CurrentUICulture;
        for (var c = culture; !string.IsNullOrEmpty(c.Name); c = c.Parent)
        {
            if (texts.TryGetValue(c.Name, out var text))
            {
                return text;
            }
        }

        return texts.Values.FirstOrDefault() ?? "";
    }
}
