using System.Globalization;

namespace Support.KnowledgeBase.Web;

/// <summary>A file size as people read it.</summary>
internal static class Sizes
{
    public static string Format(long bytes, CultureInfo culture) => bytes switch
    {
        < 1024 => string.Create(culture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(culture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(culture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
