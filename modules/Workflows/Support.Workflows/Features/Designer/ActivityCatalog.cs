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

    public static ActivityCatalog Build(ActivityRegistry registry, IReadOnlyList<string> calendars, IStringLocalizer t) => new(
        [.. registry.Descriptors
            .OrderBy(d => Array.IndexOf(CategoryOrder, d.Category) is var index and >= 0 ? index : CategoryOrder.Length)
            .ThenBy(d => d.Category, StringComparer.Ordinal)
            .Select(d => d with
            {
                Category = t[d.Category],
                DisplayName = t[d.DisplayName],
                Description = t[d.Description],
                Inputs = [.. d.Inputs.Select(i => i with { DisplayName = t[i.DisplayName], Description = t[i.Description] })],
            })
            .GroupBy(d => d.Category)
            .SelectMany(g => g.OrderBy(d => d.DisplayName, StringComparer.CurrentCultureIgnoreCase))],
        [.. registry.Stimuli.Select(s => new CatalogEvent(s.Name, t[s.DisplayName], s.PayloadFields))],
        calendars);
}
