using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Support.Workflows.Data;
using Support.Workflows.Definitions;

namespace Support.Workflows.Tests;

/// <summary>French is the reference wording: every text the module shows must have it.</summary>
public sealed partial class FrenchWordingTests
{
    private static string ModuleFolder()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Support.Modular.sln")))
        {
            folder = folder.Parent;
        }

        return Path.Combine(folder?.FullName ?? throw new InvalidOperationException("Repository root not found."), "modules", "Workflows", "Support.Workflows");
    }

    private static HashSet<string> Translated() =>
        XDocument.Load(Path.Combine(ModuleFolder(), "Resources", "WorkflowsResource.fr.resx"))
            .Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void No_two_texts_differ_only_by_case_which_resource_files_cannot_hold()
    {
        Assert.Equal([], Translated().GroupBy(k => k, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList());
    }

    [Fact]
    public void Every_text_of_the_pages_has_a_french_translation()
    {
        var used = Directory.EnumerateFiles(ModuleFolder(), "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedText().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value.Replace("\\\"", "\"", StringComparison.Ordinal)))
            .ToHashSet(StringComparer.Ordinal);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(key => !Translated().Contains(key)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Every_validation_message_statuses_and_journal_events_have_a_french_translation()
    {
        await using var host = await EngineHost.StartAsync();
        var validator = host.Services.GetRequiredService<DefinitionValidator>();
        var problems = validator.Validate(new Flow("")
            .Add("a", "Teleport").Add("b", "Delay").Add("c", "Finish").Add("d", "SetVariable", ("Variable", "x")).Add("e", "Decision", ("Condition", "js:1"))
            .Add("f", "WaitForEvent", ("Event", "Nothing")).Add("f", "Finish")
            .Connect("d", "e").Connect("e", "d", "True").Connect("e", "zz", "True").Connect("e", "b", "Maybe")
            .Build());
        var translated = Translated();

        Assert.Equal(10, problems.Select(p => p.Template).Distinct().Count());
        var needed = problems.Select(p => p.Template)
            .Concat(Enum.GetNames<WorkflowStatus>())
            .Concat(["Started", "Completed", "Suspended", "Resumed", "Faulted", "Finished", "Cancelled", "Retried", "Waiting"]);
        Assert.Equal([], needed.Except(translated).ToList());
    }

    [Fact]
    public async Task Every_label_and_help_of_the_designer_palette_and_property_panel_has_a_french_translation()
    {
        await using var host = await EngineHost.StartAsync();
        var registry = host.Services.GetRequiredService<ActivityRegistry>();
        var texts = registry.Descriptors
            .SelectMany(d => new[] { d.Category, d.DisplayName, d.Description }.Concat(d.Inputs.SelectMany(i => new[] { i.DisplayName, i.Description })))
            .Concat(registry.Stimuli.Select(s => s.DisplayName))
            .ToHashSet(StringComparer.Ordinal);

        Assert.Contains("Send email", texts);
        var missing = texts.Except(Translated()).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "No French for: " + string.Join("\n", missing));
    }

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();
}
