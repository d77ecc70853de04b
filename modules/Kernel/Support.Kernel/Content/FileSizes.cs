using System.Globalization;

namespace Support.Kernel.Content;

/// <summary>A file size as people read it (bytes, KB, MB), in the reader's culture.</summary>
public static class FileSizes
{
    public static string Format(long bytes, CultureInfo culture) => bytes switch
    {
        < 1024 => string.Create(culture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(culture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(culture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
