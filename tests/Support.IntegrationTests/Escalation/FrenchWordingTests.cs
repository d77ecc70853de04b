using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Support.IntegrationTests.Escalation;

/// <summary>French is the reference wording: every text the Escalation module shows must have it.</summary>
public sealed partial class FrenchWordingTests
{
    private static string ModuleFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Support.Modular.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Repository root not found."), "modules", "Escalation", "Support.Escalation");
    }

    [Fact]
    public void Every_text_of_the_escalation_module_has_a_french_translation()
    {
        var module = ModuleFolder();
        var translated = XDocument.Load(Path.Combine(module, "Resources", "EscalationResource.fr.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(module, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(key => !translated.Contains(key)).Order(StringComparer.Ordinal));
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();
}
