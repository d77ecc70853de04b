using System.Text.RegularExpressions;
using System.Xml.Linq;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Support.Workflows.Data;
using Support.Workflows.Definitions;
using Support.Workflows.Features.Instances;

namespace Support.Workflows.Tests;

/// <summary>
/// French is the reference wording: every text the module shows must have it. The English text is the resource key
/// itself (as in Ticketing), so a text with its French has both; the designer's own labels are in its script.
/// </summary>
public sealed partial class FrenchWordingTests
{
    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Support.Modular.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }

    private static string ModuleFolder() => Path.Combine(RepositoryRoot(), "modules", "Workflows", "Support.Workflows");

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

    [Fact]
    public async Task Every_refusal_of_a_manual_start_has_a_french_translation()
    {
        await using var host = await EngineHost.StartAsync();
        var triggered = await host.PublishAsync(new Flow("Triggered").Add("opened", "Event", ("Event", "Ticketing.TicketOpened")).Build());
        var manual = await host.PublishAsync(new Flow("Manual").Add("start", "Start").Add("wait", "Delay", ("Duration", "01:00:00")).Connect("start", "wait").Build());
        Task<string> Start(string definitionId, string? correlation) =>
            host.InScopeAsync(s => s.GetRequiredService<IMediator>().Send(new StartInstanceCommand(definitionId, correlation)));
        await Start(manual, "42");

        var refusals = new List<string>();
        foreach (var (definitionId, correlation) in new[] { ("never-published", (string?)null), (triggered, null), (manual, "42") })
        {
            refusals.Add((await Assert.ThrowsAsync<InvalidOperationException>(() => Start(definitionId, correlation))).Message);
        }

        Assert.Equal(3, refusals.Distinct().Count());
        Assert.Equal([], refusals.Except(Translated()).ToList());
    }

    [Fact]
    public void The_designer_has_every_label_in_english_and_in_french()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "host", "Support.Host", "ClientApp", "designer", "i18n.js"));
        var english = DesignerLabels(script, "en");
        var french = DesignerLabels(script, "fr");

        Assert.Contains("undo", english);
        Assert.Contains("kinds.JavaScript", english);
        Assert.Equal([], english.Except(french).Order(StringComparer.Ordinal).ToList());
        Assert.Equal([], french.Except(english).Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>The keys of one language's object in the designer's i18n.js, with those of its nested objects as <c>outer.inner</c>.</summary>
    private static HashSet<string> DesignerLabels(string script, string language)
    {
        var start = script.IndexOf($"const {language} = {{", StringComparison.Ordinal);
        Assert.True(start >= 0, $"No labels for {language}.");
        var body = script[start..script.IndexOf("\n};", start, StringComparison.Ordinal)];
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match entry in DesignerEntry().Matches(body))
        {
            var key = entry.Groups["key"].Value;
            keys.Add(key);
            if (entry.Groups["nested"].Success)
            {
                keys.UnionWith(NestedKey().Matches(entry.Groups["nested"].Value).Select(m => $"{key}.{m.Groups[1].Value}"));
            }
        }

        return keys;
    }

    [GeneratedRegex("""^    (?<key>\w+): (?:\{(?<nested>[^}]*)\})?""", RegexOptions.Multiline)]
    private static partial Regex DesignerEntry();

    [GeneratedRegex("""(\w+): ['`]""")]
    private static partial Regex NestedKey();

    [GeneratedRegex("""\b[Tt]\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedText();
}
