using Microsoft.Extensions.Localization;
using Support.Workflows.Activities;
using Support.Workflows.Contracts;
using Support.Workflows.Definitions;

namespace Support.Workflows.Features.Designer;

/// <summary>An event the Event and Wait for event activities can name, as the designer lists it.</summary>
internal sealed record CatalogEvent(string Name, string DisplayName, IReadOnlyList<string> PayloadFields);

/// <summary>
/// What the designer's palette and property panel are generated from (served as <c>activities.json</c>): the
/// activity descriptors in palette order, the events and the business calendars, with labels and help in the
/// admin's language. Type names, input names, options and outcome ports stay as the JSON stores them.
/// </summary>
internal sealed record ActivityCatalog(IReadOnlyList<ActivityDescriptor> Activities, IReadOnlyList<CatalogEvent> Events, IReadOnlyList<string> Calendars)
{
    /// <summary>The built-in palette groups in the order an admin reads a workflow; other modules' groups follow.</summary>
    private static readonly string[] CategoryOrder = [Inputs.Events, Inputs.Flow, Inputs.Timers, Inputs.Data, Inputs.Notifications];

    public static ActivityCatalog Build(ActivityRegistry registry, IReadOnlyList<string> calendars, IStringLocalizer t, IStringLocalizerFactory localizers) => new(
        [.. registry.Descriptors
            .OrderBy(d => Array.IndexOf(CategoryOrder, d.Category) is var index and >= 0 ? index : CategoryOrder.Length)
            .ThenBy(d => d.Category, StringComparer.Ordinal)
            .Select(d => Translate(d, d.Texts is { } texts ? localizers.Create(texts) : null, t))
            .GroupBy(d => d.Category)
            .SelectMany(g => g.OrderBy(d => d.DisplayName, StringComparer.CurrentCultureIgnoreCase))],
        [.. registry.Stimuli.Select(s => new CatalogEvent(s.Name, Localized(s.DisplayName, s.Texts is { } texts ? localizers.Create(texts) : null, t), s.PayloadFields))],
        calendars);

    /// <summary>A text in the admin's language: the contributor's translation first, then the module's.</summary>
    private static string Localized(string text, IStringLocalizer? own, IStringLocalizer t) =>
        own?[text] is { ResourceNotFound: false } found ? found.Value : t[text];

    /// <summary>The descriptor's texts in the admin's language: the contributor's translation first, then the module's.</summary>
    private static ActivityDescriptor Translate(ActivityDescriptor descriptor, IStringLocalizer? own, IStringLocalizer t)
    {
        string Text(string text) => Localized(text, own, t);

        return descriptor with
        {
            Category = Text(descriptor.Category),
            DisplayName = Text(descriptor.DisplayName),
            Description = Text(descriptor.Description),
            Inputs = [.. descriptor.Inputs.Select(i => i with { DisplayName = Text(i.DisplayName), Description = Text(i.Description) })],
        };
    }
}
