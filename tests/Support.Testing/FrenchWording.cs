using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Support.Testing;

/// <summary>
/// French is the reference wording: finds the texts a module's pages and code look up through its localizer
/// (<c>T["..."]</c>, <c>t["..."]</c>) that its French resource file does not translate.
/// </summary>
public static partial class FrenchWording
{
    /// <summary>The repository's root folder (the one holding <c>Support.Modular.sln</c>).</summary>
    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Support.Modular.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    /// <summary>
    /// The texts of <c>modules/{module}/Support.{module}</c> missing from its <c>Resources/{module}Resource.fr.resx</c>, in
    /// order. Throws when the module uses no text at all, so that a wrong folder cannot pass for a translated module.
    /// </summary>
    public static IReadOnlyList<string> UntranslatedTexts(string module)
    {
        var folder = Path.Combine(RepositoryRoot(), "modules", module, "Support." + module);
        var translated = XDocument.Load(Path.Combine(folder, "Resources", module + "Resource.fr.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var obj = $"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}";
        var used = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains(obj, StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);
        if (used.Count == 0)
        {
            throw new InvalidOperationException($"No localized text found under {folder}.");
        }

        return [.. used.Where(key => !translated.Contains(key)).Order(StringComparer.Ordinal)];
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();
}
