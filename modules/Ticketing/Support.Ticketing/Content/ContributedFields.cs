using Support.Plugins.Abstractions;

namespace Support.Ticketing.Content;

/// <summary>The values of plugin-contributed fields as the plugins normalised them, for storing.</summary>
internal static class ContributedFields
{
    public static Dictionary<string, string> Normalise(IEnumerable<ITicketFieldContributor> contributors, TicketForm form, IReadOnlyDictionary<string, string?> values)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var contributor in contributors)
        {
            foreach (var field in contributor.Fields.Where(f => f.Forms.HasFlag(form)))
            {
                if (values.TryGetValue(field.Key, out var value) && !string.IsNullOrWhiteSpace(value)
                    && contributor.Validate(field.Key, value) is { IsValid: true, NormalisedValue: { Length: > 0 } normalised })
                {
                    result[field.Key] = normalised;
                }
            }
        }

        return result;
    }

    /// <summary>Finds the plugin that contributed a field, to ask it how agents should see the value.</summary>
    public static ITicketFieldContributor? Owner(IEnumerable<ITicketFieldContributor> contributors, string key) =>
        contributors.FirstOrDefault(c => c.Fields.Any(f => f.Key == key));
}
